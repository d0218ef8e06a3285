# Generated from ui/event_form.ui by scripts/build-forms: do not edit by hand.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'event_form.ui'
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

class Ui_EventForm(object):
    def setupUi(self, EventForm):
        if not EventForm.objectName():
            EventForm.setObjectName(u"EventForm")
        self.form_layout = QVBoxLayout(EventForm)
        self.form_layout.setObjectName(u"form_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setObjectName(u"header_layout")
        self.heading_label = QLabel(EventForm)
        self.heading_label.setObjectName(u"heading_label")
        self.heading_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.header_layout.addWidget(self.heading_label)

        self.dirty_label = QLabel(EventForm)
        self.dirty_label.setObjectName(u"dirty_label")

        self.header_layout.addWidget(self.dirty_label)

        self.header_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_layout.addItem(self.header_spacer)

        self.revert_button = QPushButton(EventForm)
        self.revert_button.setObjectName(u"revert_button")

        self.header_layout.addWidget(self.revert_button)

        self.save_button = QPushButton(EventForm)
        self.save_button.setObjectName(u"save_button")

        self.header_layout.addWidget(self.save_button)


        self.form_layout.addLayout(self.header_layout)

        self.body_splitter = QSplitter(EventForm)
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
        self.event_type_label = QLabel(self.details_contents)
        self.event_type_label.setObjectName(u"event_type_label")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.event_type_label)

        self.event_type_box = QVBoxLayout()
        self.event_type_box.setSpacing(2)
        self.event_type_box.setObjectName(u"event_type_box")
        self.event_type_input = QComboBox(self.details_contents)
        self.event_type_input.setObjectName(u"event_type_input")

        self.event_type_box.addWidget(self.event_type_input)

        self.event_type_error = QLabel(self.details_contents)
        self.event_type_error.setObjectName(u"event_type_error")
        self.event_type_error.setWordWrap(True)
        self.event_type_error.setVisible(False)
        self.event_type_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.event_type_box.addWidget(self.event_type_error)


        self.fields_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.event_type_box)

        self.label_text_label = QLabel(self.details_contents)
        self.label_text_label.setObjectName(u"label_text_label")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_text_label)

        self.label_text_box = QVBoxLayout()
        self.label_text_box.setSpacing(2)
        self.label_text_box.setObjectName(u"label_text_box")
        self.label_text_input = QLineEdit(self.details_contents)
        self.label_text_input.setObjectName(u"label_text_input")

        self.label_text_box.addWidget(self.label_text_input)

        self.label_text_error = QLabel(self.details_contents)
        self.label_text_error.setObjectName(u"label_text_error")
        self.label_text_error.setWordWrap(True)
        self.label_text_error.setVisible(False)
        self.label_text_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.label_text_box.addWidget(self.label_text_error)


        self.fields_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.label_text_box)

        self.date_label = QLabel(self.details_contents)
        self.date_label.setObjectName(u"date_label")

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_box = QVBoxLayout()
        self.date_box.setSpacing(2)
        self.date_box.setObjectName(u"date_box")
        self.date_input = QLineEdit(self.details_contents)
        self.date_input.setObjectName(u"date_input")

        self.date_box.addWidget(self.date_input)

        self.date_words = QLabel(self.details_contents)
        self.date_words.setObjectName(u"date_words")
        self.date_words.setWordWrap(True)

        self.date_box.addWidget(self.date_words)

        self.date_error = QLabel(self.details_contents)
        self.date_error.setObjectName(u"date_error")
        self.date_error.setWordWrap(True)
        self.date_error.setVisible(False)
        self.date_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.date_box.addWidget(self.date_error)


        self.fields_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.date_box)

        self.place_label = QLabel(self.details_contents)
        self.place_label.setObjectName(u"place_label")

        self.fields_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place_box = QVBoxLayout()
        self.place_box.setSpacing(2)
        self.place_box.setObjectName(u"place_box")
        self.place_input = QLineEdit(self.details_contents)
        self.place_input.setObjectName(u"place_input")

        self.place_box.addWidget(self.place_input)

        self.place_error = QLabel(self.details_contents)
        self.place_error.setObjectName(u"place_error")
        self.place_error.setWordWrap(True)
        self.place_error.setVisible(False)
        self.place_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.place_box.addWidget(self.place_error)


        self.fields_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.place_box)

        self.country_label = QLabel(self.details_contents)
        self.country_label.setObjectName(u"country_label")

        self.fields_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.country_label)

        self.country_box = QVBoxLayout()
        self.country_box.setSpacing(2)
        self.country_box.setObjectName(u"country_box")
        self.country_input = QLineEdit(self.details_contents)
        self.country_input.setObjectName(u"country_input")

        self.country_box.addWidget(self.country_input)

        self.country_error = QLabel(self.details_contents)
        self.country_error.setObjectName(u"country_error")
        self.country_error.setWordWrap(True)
        self.country_error.setVisible(False)
        self.country_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.country_box.addWidget(self.country_error)


        self.fields_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.country_box)

        self.venue_label = QLabel(self.details_contents)
        self.venue_label.setObjectName(u"venue_label")

        self.fields_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.venue_label)

        self.venue_box = QVBoxLayout()
        self.venue_box.setSpacing(2)
        self.venue_box.setObjectName(u"venue_box")
        self.venue_input = QLineEdit(self.details_contents)
        self.venue_input.setObjectName(u"venue_input")

        self.venue_box.addWidget(self.venue_input)

        self.venue_error = QLabel(self.details_contents)
        self.venue_error.setObjectName(u"venue_error")
        self.venue_error.setWordWrap(True)
        self.venue_error.setVisible(False)
        self.venue_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.venue_box.addWidget(self.venue_error)


        self.fields_layout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.venue_box)

        self.organiser_label = QLabel(self.details_contents)
        self.organiser_label.setObjectName(u"organiser_label")

        self.fields_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.organiser_label)

        self.organiser_box = QVBoxLayout()
        self.organiser_box.setSpacing(2)
        self.organiser_box.setObjectName(u"organiser_box")
        self.organiser_row = QHBoxLayout()
        self.organiser_row.setObjectName(u"organiser_row")
        self.organiser_input = QLineEdit(self.details_contents)
        self.organiser_input.setObjectName(u"organiser_input")
        self.organiser_input.setReadOnly(True)

        self.organiser_row.addWidget(self.organiser_input)

        self.organiser_button = QPushButton(self.details_contents)
        self.organiser_button.setObjectName(u"organiser_button")

        self.organiser_row.addWidget(self.organiser_button)

        self.organiser_clear = QPushButton(self.details_contents)
        self.organiser_clear.setObjectName(u"organiser_clear")

        self.organiser_row.addWidget(self.organiser_clear)


        self.organiser_box.addLayout(self.organiser_row)

        self.organiser_error = QLabel(self.details_contents)
        self.organiser_error.setObjectName(u"organiser_error")
        self.organiser_error.setWordWrap(True)
        self.organiser_error.setVisible(False)
        self.organiser_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.organiser_box.addWidget(self.organiser_error)


        self.fields_layout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.organiser_box)

        self.result_label = QLabel(self.details_contents)
        self.result_label.setObjectName(u"result_label")

        self.fields_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.result_label)

        self.result_box = QVBoxLayout()
        self.result_box.setSpacing(2)
        self.result_box.setObjectName(u"result_box")
        self.result_input = QLineEdit(self.details_contents)
        self.result_input.setObjectName(u"result_input")

        self.result_box.addWidget(self.result_input)

        self.result_error = QLabel(self.details_contents)
        self.result_error.setObjectName(u"result_error")
        self.result_error.setWordWrap(True)
        self.result_error.setVisible(False)
        self.result_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.result_box.addWidget(self.result_error)


        self.fields_layout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.result_box)

        self.notes_label = QLabel(self.details_contents)
        self.notes_label.setObjectName(u"notes_label")

        self.fields_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.notes_label)

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


        self.fields_layout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.notes_box)

        self.work_label = QLabel(self.details_contents)
        self.work_label.setObjectName(u"work_label")

        self.fields_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.work_label)

        self.work_box = QVBoxLayout()
        self.work_box.setSpacing(2)
        self.work_box.setObjectName(u"work_box")
        self.work_row = QHBoxLayout()
        self.work_row.setObjectName(u"work_row")
        self.work_input = QLineEdit(self.details_contents)
        self.work_input.setObjectName(u"work_input")
        self.work_input.setReadOnly(True)

        self.work_row.addWidget(self.work_input)

        self.work_button = QPushButton(self.details_contents)
        self.work_button.setObjectName(u"work_button")

        self.work_row.addWidget(self.work_button)

        self.work_clear = QPushButton(self.details_contents)
        self.work_clear.setObjectName(u"work_clear")

        self.work_row.addWidget(self.work_clear)


        self.work_box.addLayout(self.work_row)

        self.work_error = QLabel(self.details_contents)
        self.work_error.setObjectName(u"work_error")
        self.work_error.setWordWrap(True)
        self.work_error.setVisible(False)
        self.work_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.work_box.addWidget(self.work_error)


        self.fields_layout.setLayout(9, QFormLayout.ItemRole.FieldRole, self.work_box)


        self.details_contents_layout.addLayout(self.fields_layout)

        self.details_spacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.details_contents_layout.addItem(self.details_spacer)

        self.details_scroll.setWidget(self.details_contents)

        self.details_page_layout.addWidget(self.details_scroll)

        self.tabs.addTab(self.details_page, "")
        self.body_splitter.addWidget(self.tabs)
        self.citations_host = QWidget(self.body_splitter)
        self.citations_host.setObjectName(u"citations_host")
        self.citations_host_layout = QVBoxLayout(self.citations_host)
        self.citations_host_layout.setObjectName(u"citations_host_layout")
        self.citations_host_layout.setContentsMargins(0, 0, 0, 0)
        self.body_splitter.addWidget(self.citations_host)

        self.form_layout.addWidget(self.body_splitter)

#if QT_CONFIG(shortcut)
        self.event_type_label.setBuddy(self.event_type_input)
        self.label_text_label.setBuddy(self.label_text_input)
        self.date_label.setBuddy(self.date_input)
        self.place_label.setBuddy(self.place_input)
        self.country_label.setBuddy(self.country_input)
        self.venue_label.setBuddy(self.venue_input)
        self.organiser_label.setBuddy(self.organiser_input)
        self.result_label.setBuddy(self.result_input)
        self.notes_label.setBuddy(self.notes_input)
        self.work_label.setBuddy(self.work_input)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.save_button, self.revert_button)
        QWidget.setTabOrder(self.revert_button, self.tabs)
        QWidget.setTabOrder(self.tabs, self.event_type_input)
        QWidget.setTabOrder(self.event_type_input, self.label_text_input)
        QWidget.setTabOrder(self.label_text_input, self.date_input)
        QWidget.setTabOrder(self.date_input, self.place_input)
        QWidget.setTabOrder(self.place_input, self.country_input)
        QWidget.setTabOrder(self.country_input, self.venue_input)
        QWidget.setTabOrder(self.venue_input, self.organiser_input)
        QWidget.setTabOrder(self.organiser_input, self.organiser_button)
        QWidget.setTabOrder(self.organiser_button, self.organiser_clear)
        QWidget.setTabOrder(self.organiser_clear, self.result_input)
        QWidget.setTabOrder(self.result_input, self.notes_input)
        QWidget.setTabOrder(self.notes_input, self.work_input)
        QWidget.setTabOrder(self.work_input, self.work_button)
        QWidget.setTabOrder(self.work_button, self.work_clear)

        self.retranslateUi(EventForm)

        self.save_button.setDefault(True)
        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(EventForm)
    # setupUi

    def retranslateUi(self, EventForm):
        EventForm.setWindowTitle(QCoreApplication.translate("EventForm", u"Event", None))
        self.heading_label.setText("")
        self.dirty_label.setText("")
        self.revert_button.setText(QCoreApplication.translate("EventForm", u"Revert", None))
#if QT_CONFIG(tooltip)
        self.revert_button.setToolTip(QCoreApplication.translate("EventForm", u"Discard unsaved changes (Ctrl+Shift+R)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.revert_button.setAccessibleName(QCoreApplication.translate("EventForm", u"Revert unsaved changes", None))
#endif // QT_CONFIG(accessibility)
        self.save_button.setText(QCoreApplication.translate("EventForm", u"Save", None))
#if QT_CONFIG(tooltip)
        self.save_button.setToolTip(QCoreApplication.translate("EventForm", u"Save this record (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.save_button.setAccessibleName(QCoreApplication.translate("EventForm", u"Save record", None))
#endif // QT_CONFIG(accessibility)
        self.event_type_label.setText(QCoreApplication.translate("EventForm", u"&Type", None))
#if QT_CONFIG(accessibility)
        self.event_type_input.setAccessibleName(QCoreApplication.translate("EventForm", u"Type", None))
#endif // QT_CONFIG(accessibility)
        self.event_type_error.setText("")
        self.label_text_label.setText(QCoreApplication.translate("EventForm", u"Na&me", None))
#if QT_CONFIG(accessibility)
        self.label_text_input.setAccessibleName(QCoreApplication.translate("EventForm", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.label_text_input.setPlaceholderText(QCoreApplication.translate("EventForm", u"optional, e.g. 13th Karlovy Vary IFF", None))
        self.label_text_error.setText("")
        self.date_label.setText(QCoreApplication.translate("EventForm", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.date_input.setAccessibleName(QCoreApplication.translate("EventForm", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.date_input.setPlaceholderText(QCoreApplication.translate("EventForm", u"EDTF: 1972-07, 1985~, [1985-07-02,1985-07-05]", None))
        self.date_words.setText("")
        self.date_error.setText("")
        self.place_label.setText(QCoreApplication.translate("EventForm", u"&Place", None))
#if QT_CONFIG(accessibility)
        self.place_input.setAccessibleName(QCoreApplication.translate("EventForm", u"Place", None))
#endif // QT_CONFIG(accessibility)
        self.place_error.setText("")
        self.country_label.setText(QCoreApplication.translate("EventForm", u"C&ountry", None))
#if QT_CONFIG(accessibility)
        self.country_input.setAccessibleName(QCoreApplication.translate("EventForm", u"Country", None))
#endif // QT_CONFIG(accessibility)
        self.country_input.setPlaceholderText(QCoreApplication.translate("EventForm", u"two-letter code, e.g. CS", None))
        self.country_error.setText("")
        self.venue_label.setText(QCoreApplication.translate("EventForm", u"Ven&ue", None))
#if QT_CONFIG(accessibility)
        self.venue_input.setAccessibleName(QCoreApplication.translate("EventForm", u"Venue", None))
#endif // QT_CONFIG(accessibility)
        self.venue_error.setText("")
        self.organiser_label.setText(QCoreApplication.translate("EventForm", u"O&rganiser", None))
#if QT_CONFIG(accessibility)
        self.organiser_input.setAccessibleName(QCoreApplication.translate("EventForm", u"Organiser", None))
#endif // QT_CONFIG(accessibility)
        self.organiser_input.setPlaceholderText(QCoreApplication.translate("EventForm", u"no organiser", None))
        self.organiser_button.setText(QCoreApplication.translate("EventForm", u"Choose\u2026", None))
#if QT_CONFIG(accessibility)
        self.organiser_button.setAccessibleName(QCoreApplication.translate("EventForm", u"Choose organiser", None))
#endif // QT_CONFIG(accessibility)
        self.organiser_clear.setText(QCoreApplication.translate("EventForm", u"Clear", None))
#if QT_CONFIG(accessibility)
        self.organiser_clear.setAccessibleName(QCoreApplication.translate("EventForm", u"Clear organiser", None))
#endif // QT_CONFIG(accessibility)
        self.organiser_error.setText("")
        self.result_label.setText(QCoreApplication.translate("EventForm", u"Re&sult", None))
#if QT_CONFIG(accessibility)
        self.result_input.setAccessibleName(QCoreApplication.translate("EventForm", u"Result", None))
#endif // QT_CONFIG(accessibility)
        self.result_error.setText("")
        self.notes_label.setText(QCoreApplication.translate("EventForm", u"&Notes", None))
#if QT_CONFIG(accessibility)
        self.notes_input.setAccessibleName(QCoreApplication.translate("EventForm", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.notes_error.setText("")
        self.work_label.setText(QCoreApplication.translate("EventForm", u"&Work", None))
#if QT_CONFIG(accessibility)
        self.work_input.setAccessibleName(QCoreApplication.translate("EventForm", u"Work", None))
#endif // QT_CONFIG(accessibility)
        self.work_input.setPlaceholderText(QCoreApplication.translate("EventForm", u"not about one work", None))
        self.work_button.setText(QCoreApplication.translate("EventForm", u"Choose\u2026", None))
#if QT_CONFIG(accessibility)
        self.work_button.setAccessibleName(QCoreApplication.translate("EventForm", u"Choose work", None))
#endif // QT_CONFIG(accessibility)
        self.work_clear.setText(QCoreApplication.translate("EventForm", u"Clear", None))
#if QT_CONFIG(accessibility)
        self.work_clear.setAccessibleName(QCoreApplication.translate("EventForm", u"Clear work", None))
#endif // QT_CONFIG(accessibility)
        self.work_error.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.details_page), QCoreApplication.translate("EventForm", u"Details", None))
    # retranslateUi

