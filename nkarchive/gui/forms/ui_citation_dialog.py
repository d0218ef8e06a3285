# Generated from ui/citation_dialog.ui by scripts/build-forms: do not edit by hand.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'citation_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_CitationDialog(object):
    def setupUi(self, CitationDialog):
        if not CitationDialog.objectName():
            CitationDialog.setObjectName(u"CitationDialog")
        self.dialog_layout = QVBoxLayout(CitationDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.target_label = QLabel(CitationDialog)
        self.target_label.setObjectName(u"target_label")
        self.target_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.target_label)

        self.fields_layout = QFormLayout()
        self.fields_layout.setObjectName(u"fields_layout")
        self.fields_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.source_label = QLabel(CitationDialog)
        self.source_label.setObjectName(u"source_label")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.source_label)

        self.source_box = QVBoxLayout()
        self.source_box.setSpacing(2)
        self.source_box.setObjectName(u"source_box")
        self.source_row = QHBoxLayout()
        self.source_row.setObjectName(u"source_row")
        self.source_input = QLineEdit(CitationDialog)
        self.source_input.setObjectName(u"source_input")
        self.source_input.setReadOnly(True)

        self.source_row.addWidget(self.source_input)

        self.source_button = QPushButton(CitationDialog)
        self.source_button.setObjectName(u"source_button")

        self.source_row.addWidget(self.source_button)

        self.source_clear = QPushButton(CitationDialog)
        self.source_clear.setObjectName(u"source_clear")

        self.source_row.addWidget(self.source_clear)


        self.source_box.addLayout(self.source_row)

        self.source_error = QLabel(CitationDialog)
        self.source_error.setObjectName(u"source_error")
        self.source_error.setWordWrap(True)
        self.source_error.setVisible(False)
        self.source_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.source_box.addWidget(self.source_error)


        self.fields_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.source_box)

        self.locator_type_label = QLabel(CitationDialog)
        self.locator_type_label.setObjectName(u"locator_type_label")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.locator_type_label)

        self.locator_type_box = QVBoxLayout()
        self.locator_type_box.setSpacing(2)
        self.locator_type_box.setObjectName(u"locator_type_box")
        self.locator_type_input = QComboBox(CitationDialog)
        self.locator_type_input.setObjectName(u"locator_type_input")

        self.locator_type_box.addWidget(self.locator_type_input)

        self.locator_type_error = QLabel(CitationDialog)
        self.locator_type_error.setObjectName(u"locator_type_error")
        self.locator_type_error.setWordWrap(True)
        self.locator_type_error.setVisible(False)
        self.locator_type_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.locator_type_box.addWidget(self.locator_type_error)


        self.fields_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.locator_type_box)

        self.locator_label = QLabel(CitationDialog)
        self.locator_label.setObjectName(u"locator_label")

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.locator_label)

        self.locator_box = QVBoxLayout()
        self.locator_box.setSpacing(2)
        self.locator_box.setObjectName(u"locator_box")
        self.locator_input = QLineEdit(CitationDialog)
        self.locator_input.setObjectName(u"locator_input")

        self.locator_box.addWidget(self.locator_input)

        self.locator_error = QLabel(CitationDialog)
        self.locator_error.setObjectName(u"locator_error")
        self.locator_error.setWordWrap(True)
        self.locator_error.setVisible(False)
        self.locator_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.locator_box.addWidget(self.locator_error)


        self.fields_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.locator_box)

        self.excerpt_label = QLabel(CitationDialog)
        self.excerpt_label.setObjectName(u"excerpt_label")

        self.fields_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.excerpt_label)

        self.excerpt_box = QVBoxLayout()
        self.excerpt_box.setSpacing(2)
        self.excerpt_box.setObjectName(u"excerpt_box")
        self.excerpt_input = QPlainTextEdit(CitationDialog)
        self.excerpt_input.setObjectName(u"excerpt_input")
        self.excerpt_input.setTabChangesFocus(True)
        self.excerpt_input.setMinimumSize(QSize(0, 60))
        self.excerpt_input.setMaximumSize(QSize(16777215, 110))

        self.excerpt_box.addWidget(self.excerpt_input)

        self.excerpt_error = QLabel(CitationDialog)
        self.excerpt_error.setObjectName(u"excerpt_error")
        self.excerpt_error.setWordWrap(True)
        self.excerpt_error.setVisible(False)
        self.excerpt_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.excerpt_box.addWidget(self.excerpt_error)


        self.fields_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.excerpt_box)

        self.excerpt_language_label = QLabel(CitationDialog)
        self.excerpt_language_label.setObjectName(u"excerpt_language_label")

        self.fields_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.excerpt_language_label)

        self.excerpt_language_box = QVBoxLayout()
        self.excerpt_language_box.setSpacing(2)
        self.excerpt_language_box.setObjectName(u"excerpt_language_box")
        self.excerpt_language_input = QLineEdit(CitationDialog)
        self.excerpt_language_input.setObjectName(u"excerpt_language_input")

        self.excerpt_language_box.addWidget(self.excerpt_language_input)

        self.excerpt_language_error = QLabel(CitationDialog)
        self.excerpt_language_error.setObjectName(u"excerpt_language_error")
        self.excerpt_language_error.setWordWrap(True)
        self.excerpt_language_error.setVisible(False)
        self.excerpt_language_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.excerpt_language_box.addWidget(self.excerpt_language_error)


        self.fields_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.excerpt_language_box)

        self.translation_label = QLabel(CitationDialog)
        self.translation_label.setObjectName(u"translation_label")

        self.fields_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.translation_label)

        self.translation_box = QVBoxLayout()
        self.translation_box.setSpacing(2)
        self.translation_box.setObjectName(u"translation_box")
        self.translation_input = QPlainTextEdit(CitationDialog)
        self.translation_input.setObjectName(u"translation_input")
        self.translation_input.setTabChangesFocus(True)
        self.translation_input.setMinimumSize(QSize(0, 60))
        self.translation_input.setMaximumSize(QSize(16777215, 110))

        self.translation_box.addWidget(self.translation_input)

        self.translation_error = QLabel(CitationDialog)
        self.translation_error.setObjectName(u"translation_error")
        self.translation_error.setWordWrap(True)
        self.translation_error.setVisible(False)
        self.translation_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.translation_box.addWidget(self.translation_error)


        self.fields_layout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.translation_box)

        self.claimed_value_label = QLabel(CitationDialog)
        self.claimed_value_label.setObjectName(u"claimed_value_label")

        self.fields_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.claimed_value_label)

        self.claimed_value_box = QVBoxLayout()
        self.claimed_value_box.setSpacing(2)
        self.claimed_value_box.setObjectName(u"claimed_value_box")
        self.claimed_value_input = QLineEdit(CitationDialog)
        self.claimed_value_input.setObjectName(u"claimed_value_input")

        self.claimed_value_box.addWidget(self.claimed_value_input)

        self.claimed_value_error = QLabel(CitationDialog)
        self.claimed_value_error.setObjectName(u"claimed_value_error")
        self.claimed_value_error.setWordWrap(True)
        self.claimed_value_error.setVisible(False)
        self.claimed_value_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.claimed_value_box.addWidget(self.claimed_value_error)


        self.fields_layout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.claimed_value_box)

        self.confidence_label = QLabel(CitationDialog)
        self.confidence_label.setObjectName(u"confidence_label")

        self.fields_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.confidence_label)

        self.confidence_box = QVBoxLayout()
        self.confidence_box.setSpacing(2)
        self.confidence_box.setObjectName(u"confidence_box")
        self.confidence_input = QComboBox(CitationDialog)
        self.confidence_input.setObjectName(u"confidence_input")

        self.confidence_box.addWidget(self.confidence_input)

        self.confidence_error = QLabel(CitationDialog)
        self.confidence_error.setObjectName(u"confidence_error")
        self.confidence_error.setWordWrap(True)
        self.confidence_error.setVisible(False)
        self.confidence_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.confidence_box.addWidget(self.confidence_error)


        self.fields_layout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.confidence_box)

        self.preferred_label = QLabel(CitationDialog)
        self.preferred_label.setObjectName(u"preferred_label")

        self.fields_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.preferred_label)

        self.preferred_box = QVBoxLayout()
        self.preferred_box.setSpacing(2)
        self.preferred_box.setObjectName(u"preferred_box")
        self.preferred_input = QCheckBox(CitationDialog)
        self.preferred_input.setObjectName(u"preferred_input")

        self.preferred_box.addWidget(self.preferred_input)

        self.preferred_error = QLabel(CitationDialog)
        self.preferred_error.setObjectName(u"preferred_error")
        self.preferred_error.setWordWrap(True)
        self.preferred_error.setVisible(False)
        self.preferred_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.preferred_box.addWidget(self.preferred_error)


        self.fields_layout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.preferred_box)

        self.note_label = QLabel(CitationDialog)
        self.note_label.setObjectName(u"note_label")

        self.fields_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_box = QVBoxLayout()
        self.note_box.setSpacing(2)
        self.note_box.setObjectName(u"note_box")
        self.note_input = QLineEdit(CitationDialog)
        self.note_input.setObjectName(u"note_input")

        self.note_box.addWidget(self.note_input)

        self.note_error = QLabel(CitationDialog)
        self.note_error.setObjectName(u"note_error")
        self.note_error.setWordWrap(True)
        self.note_error.setVisible(False)
        self.note_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.note_box.addWidget(self.note_error)


        self.fields_layout.setLayout(9, QFormLayout.ItemRole.FieldRole, self.note_box)


        self.dialog_layout.addLayout(self.fields_layout)

        self.button_box = QDialogButtonBox(CitationDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.source_label.setBuddy(self.source_input)
        self.locator_type_label.setBuddy(self.locator_type_input)
        self.locator_label.setBuddy(self.locator_input)
        self.excerpt_label.setBuddy(self.excerpt_input)
        self.excerpt_language_label.setBuddy(self.excerpt_language_input)
        self.translation_label.setBuddy(self.translation_input)
        self.claimed_value_label.setBuddy(self.claimed_value_input)
        self.confidence_label.setBuddy(self.confidence_input)
        self.preferred_label.setBuddy(self.preferred_input)
        self.note_label.setBuddy(self.note_input)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.source_input, self.source_button)
        QWidget.setTabOrder(self.source_button, self.source_clear)
        QWidget.setTabOrder(self.source_clear, self.locator_type_input)
        QWidget.setTabOrder(self.locator_type_input, self.locator_input)
        QWidget.setTabOrder(self.locator_input, self.excerpt_input)
        QWidget.setTabOrder(self.excerpt_input, self.excerpt_language_input)
        QWidget.setTabOrder(self.excerpt_language_input, self.translation_input)
        QWidget.setTabOrder(self.translation_input, self.claimed_value_input)
        QWidget.setTabOrder(self.claimed_value_input, self.confidence_input)
        QWidget.setTabOrder(self.confidence_input, self.preferred_input)
        QWidget.setTabOrder(self.preferred_input, self.note_input)
        QWidget.setTabOrder(self.note_input, self.button_box)

        self.retranslateUi(CitationDialog)

        QMetaObject.connectSlotsByName(CitationDialog)
    # setupUi

    def retranslateUi(self, CitationDialog):
        CitationDialog.setWindowTitle(QCoreApplication.translate("CitationDialog", u"Citation", None))
        self.target_label.setText("")
        self.source_label.setText(QCoreApplication.translate("CitationDialog", u"&Source", None))
#if QT_CONFIG(accessibility)
        self.source_input.setAccessibleName(QCoreApplication.translate("CitationDialog", u"Source", None))
#endif // QT_CONFIG(accessibility)
        self.source_input.setPlaceholderText(QCoreApplication.translate("CitationDialog", u"choose a source", None))
        self.source_button.setText(QCoreApplication.translate("CitationDialog", u"Choose\u2026", None))
#if QT_CONFIG(accessibility)
        self.source_button.setAccessibleName(QCoreApplication.translate("CitationDialog", u"Choose source", None))
#endif // QT_CONFIG(accessibility)
        self.source_clear.setText(QCoreApplication.translate("CitationDialog", u"Clear", None))
#if QT_CONFIG(accessibility)
        self.source_clear.setAccessibleName(QCoreApplication.translate("CitationDialog", u"Clear source", None))
#endif // QT_CONFIG(accessibility)
        self.source_error.setText("")
        self.locator_type_label.setText(QCoreApplication.translate("CitationDialog", u"Locator t&ype", None))
#if QT_CONFIG(accessibility)
        self.locator_type_input.setAccessibleName(QCoreApplication.translate("CitationDialog", u"Locator type", None))
#endif // QT_CONFIG(accessibility)
        self.locator_type_error.setText("")
        self.locator_label.setText(QCoreApplication.translate("CitationDialog", u"&Locator", None))
#if QT_CONFIG(accessibility)
        self.locator_input.setAccessibleName(QCoreApplication.translate("CitationDialog", u"Locator", None))
#endif // QT_CONFIG(accessibility)
        self.locator_input.setPlaceholderText(QCoreApplication.translate("CitationDialog", u"page, column, timecode\u2026", None))
        self.locator_error.setText("")
        self.excerpt_label.setText(QCoreApplication.translate("CitationDialog", u"E&xcerpt", None))
#if QT_CONFIG(accessibility)
        self.excerpt_input.setAccessibleName(QCoreApplication.translate("CitationDialog", u"Excerpt", None))
#endif // QT_CONFIG(accessibility)
        self.excerpt_input.setPlaceholderText(QCoreApplication.translate("CitationDialog", u"the passage in its original script", None))
        self.excerpt_error.setText("")
        self.excerpt_language_label.setText(QCoreApplication.translate("CitationDialog", u"Excerpt lan&guage", None))
#if QT_CONFIG(accessibility)
        self.excerpt_language_input.setAccessibleName(QCoreApplication.translate("CitationDialog", u"Excerpt language", None))
#endif // QT_CONFIG(accessibility)
        self.excerpt_language_input.setPlaceholderText(QCoreApplication.translate("CitationDialog", u"ko", None))
        self.excerpt_language_error.setText("")
        self.translation_label.setText(QCoreApplication.translate("CitationDialog", u"&Translation", None))
#if QT_CONFIG(accessibility)
        self.translation_input.setAccessibleName(QCoreApplication.translate("CitationDialog", u"Translation", None))
#endif // QT_CONFIG(accessibility)
        self.translation_error.setText("")
        self.claimed_value_label.setText(QCoreApplication.translate("CitationDialog", u"Claimed &value", None))
#if QT_CONFIG(accessibility)
        self.claimed_value_input.setAccessibleName(QCoreApplication.translate("CitationDialog", u"Claimed value", None))
#endif // QT_CONFIG(accessibility)
        self.claimed_value_input.setPlaceholderText(QCoreApplication.translate("CitationDialog", u"what the source says the fact is", None))
        self.claimed_value_error.setText("")
        self.confidence_label.setText(QCoreApplication.translate("CitationDialog", u"&Confidence", None))
#if QT_CONFIG(accessibility)
        self.confidence_input.setAccessibleName(QCoreApplication.translate("CitationDialog", u"Confidence", None))
#endif // QT_CONFIG(accessibility)
        self.confidence_error.setText("")
        self.preferred_label.setText(QCoreApplication.translate("CitationDialog", u"&Preferred claim", None))
#if QT_CONFIG(accessibility)
        self.preferred_input.setAccessibleName(QCoreApplication.translate("CitationDialog", u"Preferred claim", None))
#endif // QT_CONFIG(accessibility)
        self.preferred_input.setText("")
        self.preferred_error.setText("")
        self.note_label.setText(QCoreApplication.translate("CitationDialog", u"N&ote", None))
#if QT_CONFIG(accessibility)
        self.note_input.setAccessibleName(QCoreApplication.translate("CitationDialog", u"Note", None))
#endif // QT_CONFIG(accessibility)
        self.note_error.setText("")
    # retranslateUi

