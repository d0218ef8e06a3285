# Generated from ui/agent_form.ui by scripts/build-forms: do not edit by hand.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agent_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QFrame,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSplitter, QTabWidget, QVBoxLayout, QWidget)

class Ui_AgentForm(object):
    def setupUi(self, AgentForm):
        if not AgentForm.objectName():
            AgentForm.setObjectName(u"AgentForm")
        self.form_layout = QVBoxLayout(AgentForm)
        self.form_layout.setObjectName(u"form_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setObjectName(u"header_layout")
        self.heading_label = QLabel(AgentForm)
        self.heading_label.setObjectName(u"heading_label")
        self.heading_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.header_layout.addWidget(self.heading_label)

        self.dirty_label = QLabel(AgentForm)
        self.dirty_label.setObjectName(u"dirty_label")

        self.header_layout.addWidget(self.dirty_label)

        self.header_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_layout.addItem(self.header_spacer)

        self.revert_button = QPushButton(AgentForm)
        self.revert_button.setObjectName(u"revert_button")

        self.header_layout.addWidget(self.revert_button)

        self.save_button = QPushButton(AgentForm)
        self.save_button.setObjectName(u"save_button")

        self.header_layout.addWidget(self.save_button)


        self.form_layout.addLayout(self.header_layout)

        self.body_splitter = QSplitter(AgentForm)
        self.body_splitter.setObjectName(u"body_splitter")
        self.body_splitter.setOrientation(Qt.Orientation.Horizontal)
        self.body_splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget(self.body_splitter)
        self.tabs.setObjectName(u"tabs")
        self.details_page = QWidget()
        self.details_page.setObjectName(u"details_page")
        self.details_page_layout = QVBoxLayout(self.details_page)
        self.details_page_layout.setObjectName(u"details_page_layout")
        self.details_scroll = QScrollArea(self.details_page)
        self.details_scroll.setObjectName(u"details_scroll")
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_contents = QWidget()
        self.details_contents.setObjectName(u"details_contents")
        self.details_contents_layout = QVBoxLayout(self.details_contents)
        self.details_contents_layout.setObjectName(u"details_contents_layout")
        self.fields_layout = QFormLayout()
        self.fields_layout.setObjectName(u"fields_layout")
        self.fields_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.agent_type_label = QLabel(self.details_contents)
        self.agent_type_label.setObjectName(u"agent_type_label")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.agent_type_label)

        self.agent_type_box = QVBoxLayout()
        self.agent_type_box.setSpacing(2)
        self.agent_type_box.setObjectName(u"agent_type_box")
        self.agent_type_input = QComboBox(self.details_contents)
        self.agent_type_input.setObjectName(u"agent_type_input")

        self.agent_type_box.addWidget(self.agent_type_input)

        self.agent_type_error = QLabel(self.details_contents)
        self.agent_type_error.setObjectName(u"agent_type_error")
        self.agent_type_error.setWordWrap(True)
        self.agent_type_error.setVisible(False)
        self.agent_type_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.agent_type_box.addWidget(self.agent_type_error)


        self.fields_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.agent_type_box)

        self.dates_label = QLabel(self.details_contents)
        self.dates_label.setObjectName(u"dates_label")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dates_label)

        self.dates_box = QVBoxLayout()
        self.dates_box.setSpacing(2)
        self.dates_box.setObjectName(u"dates_box")
        self.dates_input = QLineEdit(self.details_contents)
        self.dates_input.setObjectName(u"dates_input")

        self.dates_box.addWidget(self.dates_input)

        self.dates_words = QLabel(self.details_contents)
        self.dates_words.setObjectName(u"dates_words")
        self.dates_words.setWordWrap(True)

        self.dates_box.addWidget(self.dates_words)

        self.dates_error = QLabel(self.details_contents)
        self.dates_error.setObjectName(u"dates_error")
        self.dates_error.setWordWrap(True)
        self.dates_error.setVisible(False)
        self.dates_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dates_box.addWidget(self.dates_error)


        self.fields_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.dates_box)

        self.notes_label = QLabel(self.details_contents)
        self.notes_label.setObjectName(u"notes_label")

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_box = QVBoxLayout()
        self.notes_box.setSpacing(2)
        self.notes_box.setObjectName(u"notes_box")
        self.notes_input = QPlainTextEdit(self.details_contents)
        self.notes_input.setObjectName(u"notes_input")
        self.notes_input.setTabChangesFocus(True)
        self.notes_input.setMinimumSize(QSize(0, 60))
        self.notes_input.setMaximumSize(QSize(16777215, 110))

        self.notes_box.addWidget(self.notes_input)

        self.notes_error = QLabel(self.details_contents)
        self.notes_error.setObjectName(u"notes_error")
        self.notes_error.setWordWrap(True)
        self.notes_error.setVisible(False)
        self.notes_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.notes_box.addWidget(self.notes_error)


        self.fields_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.notes_box)


        self.details_contents_layout.addLayout(self.fields_layout)

        self.details_spacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.details_contents_layout.addItem(self.details_spacer)

        self.details_scroll.setWidget(self.details_contents)

        self.details_page_layout.addWidget(self.details_scroll)

        self.tabs.addTab(self.details_page, "")
        self.names_page = QWidget()
        self.names_page.setObjectName(u"names_page")
        self.names_page_layout = QVBoxLayout(self.names_page)
        self.names_page_layout.setObjectName(u"names_page_layout")
        self.names_host = QWidget(self.names_page)
        self.names_host.setObjectName(u"names_host")
        self.names_host_layout = QVBoxLayout(self.names_host)
        self.names_host_layout.setObjectName(u"names_host_layout")
        self.names_host_layout.setContentsMargins(0, 0, 0, 0)

        self.names_page_layout.addWidget(self.names_host)

        self.tabs.addTab(self.names_page, "")
        self.honours_page = QWidget()
        self.honours_page.setObjectName(u"honours_page")
        self.honours_page_layout = QVBoxLayout(self.honours_page)
        self.honours_page_layout.setObjectName(u"honours_page_layout")
        self.honours_host = QWidget(self.honours_page)
        self.honours_host.setObjectName(u"honours_host")
        self.honours_host_layout = QVBoxLayout(self.honours_host)
        self.honours_host_layout.setObjectName(u"honours_host_layout")
        self.honours_host_layout.setContentsMargins(0, 0, 0, 0)

        self.honours_page_layout.addWidget(self.honours_host)

        self.tabs.addTab(self.honours_page, "")
        self.identifiers_page = QWidget()
        self.identifiers_page.setObjectName(u"identifiers_page")
        self.identifiers_page_layout = QVBoxLayout(self.identifiers_page)
        self.identifiers_page_layout.setObjectName(u"identifiers_page_layout")
        self.identifiers_host = QWidget(self.identifiers_page)
        self.identifiers_host.setObjectName(u"identifiers_host")
        self.identifiers_host_layout = QVBoxLayout(self.identifiers_host)
        self.identifiers_host_layout.setObjectName(u"identifiers_host_layout")
        self.identifiers_host_layout.setContentsMargins(0, 0, 0, 0)

        self.identifiers_page_layout.addWidget(self.identifiers_host)

        self.tabs.addTab(self.identifiers_page, "")
        self.body_splitter.addWidget(self.tabs)
        self.citations_host = QWidget(self.body_splitter)
        self.citations_host.setObjectName(u"citations_host")
        self.citations_host_layout = QVBoxLayout(self.citations_host)
        self.citations_host_layout.setObjectName(u"citations_host_layout")
        self.citations_host_layout.setContentsMargins(0, 0, 0, 0)
        self.body_splitter.addWidget(self.citations_host)

        self.form_layout.addWidget(self.body_splitter)

#if QT_CONFIG(shortcut)
        self.agent_type_label.setBuddy(self.agent_type_input)
        self.dates_label.setBuddy(self.dates_input)
        self.notes_label.setBuddy(self.notes_input)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.save_button, self.revert_button)
        QWidget.setTabOrder(self.revert_button, self.tabs)
        QWidget.setTabOrder(self.tabs, self.agent_type_input)
        QWidget.setTabOrder(self.agent_type_input, self.dates_input)
        QWidget.setTabOrder(self.dates_input, self.notes_input)

        self.retranslateUi(AgentForm)

        self.save_button.setDefault(True)
        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(AgentForm)
    # setupUi

    def retranslateUi(self, AgentForm):
        AgentForm.setWindowTitle(QCoreApplication.translate("AgentForm", u"Person or organisation", None))
        self.heading_label.setText("")
        self.dirty_label.setText("")
        self.revert_button.setText(QCoreApplication.translate("AgentForm", u"Revert", None))
#if QT_CONFIG(tooltip)
        self.revert_button.setToolTip(QCoreApplication.translate("AgentForm", u"Discard unsaved changes (Ctrl+Shift+R)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.revert_button.setAccessibleName(QCoreApplication.translate("AgentForm", u"Revert unsaved changes", None))
#endif // QT_CONFIG(accessibility)
        self.save_button.setText(QCoreApplication.translate("AgentForm", u"Save", None))
#if QT_CONFIG(tooltip)
        self.save_button.setToolTip(QCoreApplication.translate("AgentForm", u"Save this record (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.save_button.setAccessibleName(QCoreApplication.translate("AgentForm", u"Save record", None))
#endif // QT_CONFIG(accessibility)
        self.agent_type_label.setText(QCoreApplication.translate("AgentForm", u"&Type", None))
#if QT_CONFIG(accessibility)
        self.agent_type_input.setAccessibleName(QCoreApplication.translate("AgentForm", u"Type", None))
#endif // QT_CONFIG(accessibility)
        self.agent_type_error.setText("")
        self.dates_label.setText(QCoreApplication.translate("AgentForm", u"&Dates", None))
#if QT_CONFIG(accessibility)
        self.dates_input.setAccessibleName(QCoreApplication.translate("AgentForm", u"Dates", None))
#endif // QT_CONFIG(accessibility)
        self.dates_input.setPlaceholderText(QCoreApplication.translate("AgentForm", u"EDTF: 1926/2006, 1947/.., 192X", None))
        self.dates_words.setText("")
        self.dates_error.setText("")
        self.notes_label.setText(QCoreApplication.translate("AgentForm", u"&Notes", None))
#if QT_CONFIG(accessibility)
        self.notes_input.setAccessibleName(QCoreApplication.translate("AgentForm", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.notes_error.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.details_page), QCoreApplication.translate("AgentForm", u"Details", None))
        self.tabs.setTabText(self.tabs.indexOf(self.names_page), QCoreApplication.translate("AgentForm", u"Names", None))
        self.tabs.setTabText(self.tabs.indexOf(self.honours_page), QCoreApplication.translate("AgentForm", u"Honours", None))
        self.tabs.setTabText(self.tabs.indexOf(self.identifiers_page), QCoreApplication.translate("AgentForm", u"Identifiers", None))
    # retranslateUi

