# Generated from ui/picker_dialog.ui by scripts/build-forms: do not edit by hand.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'picker_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QLineEdit, QListView, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_PickerDialog(object):
    def setupUi(self, PickerDialog):
        if not PickerDialog.objectName():
            PickerDialog.setObjectName(u"PickerDialog")
        self.dialog_layout = QVBoxLayout(PickerDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.query_label = QLabel(PickerDialog)
        self.query_label.setObjectName(u"query_label")

        self.dialog_layout.addWidget(self.query_label)

        self.query_input = QLineEdit(PickerDialog)
        self.query_input.setObjectName(u"query_input")
        self.query_input.setClearButtonEnabled(True)

        self.dialog_layout.addWidget(self.query_input)

        self.results_list = QListView(PickerDialog)
        self.results_list.setObjectName(u"results_list")
        self.results_list.setUniformItemSizes(True)

        self.dialog_layout.addWidget(self.results_list)

        self.hint_label = QLabel(PickerDialog)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.hint_label)

        self.button_box = QDialogButtonBox(PickerDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.query_label.setBuddy(self.query_input)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.query_input, self.results_list)
        QWidget.setTabOrder(self.results_list, self.button_box)

        self.retranslateUi(PickerDialog)

        QMetaObject.connectSlotsByName(PickerDialog)
    # setupUi

    def retranslateUi(self, PickerDialog):
        PickerDialog.setWindowTitle(QCoreApplication.translate("PickerDialog", u"Choose", None))
        self.query_label.setText(QCoreApplication.translate("PickerDialog", u"&Search", None))
#if QT_CONFIG(accessibility)
        self.query_input.setAccessibleName(QCoreApplication.translate("PickerDialog", u"Search", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.results_list.setAccessibleName(QCoreApplication.translate("PickerDialog", u"Matches", None))
#endif // QT_CONFIG(accessibility)
        self.hint_label.setText("")
    # retranslateUi

