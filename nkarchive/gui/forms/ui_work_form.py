# Generated from ui/work_form.ui by scripts/build-forms: do not edit by hand.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'work_form.ui'
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

class Ui_WorkForm(object):
    def setupUi(self, WorkForm):
        if not WorkForm.objectName():
            WorkForm.setObjectName(u"WorkForm")
        self.form_layout = QVBoxLayout(WorkForm)
        self.form_layout.setObjectName(u"form_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setObjectName(u"header_layout")
        self.heading_label = QLabel(WorkForm)
        self.heading_label.setObjectName(u"heading_label")
        self.heading_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.header_layout.addWidget(self.heading_label)

        self.dirty_label = QLabel(WorkForm)
        self.dirty_label.setObjectName(u"dirty_label")

        self.header_layout.addWidget(self.dirty_label)

        self.header_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_layout.addItem(self.header_spacer)

        self.revert_button = QPushButton(WorkForm)
        self.revert_button.setObjectName(u"revert_button")

        self.header_layout.addWidget(self.revert_button)

        self.save_button = QPushButton(WorkForm)
        self.save_button.setObjectName(u"save_button")

        self.header_layout.addWidget(self.save_button)


        self.form_layout.addLayout(self.header_layout)

        self.body_splitter = QSplitter(WorkForm)
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
        self.identifier_label = QLabel(self.details_contents)
        self.identifier_label.setObjectName(u"identifier_label")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.identifier_label)

        self.identifier_box = QVBoxLayout()
        self.identifier_box.setSpacing(2)
        self.identifier_box.setObjectName(u"identifier_box")
        self.identifier_input = QLineEdit(self.details_contents)
        self.identifier_input.setObjectName(u"identifier_input")

        self.identifier_box.addWidget(self.identifier_input)

        self.identifier_error = QLabel(self.details_contents)
        self.identifier_error.setObjectName(u"identifier_error")
        self.identifier_error.setWordWrap(True)
        self.identifier_error.setVisible(False)
        self.identifier_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.identifier_box.addWidget(self.identifier_error)


        self.fields_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.identifier_box)

        self.form_label = QLabel(self.details_contents)
        self.form_label.setObjectName(u"form_label")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.form_label)

        self.form_box = QVBoxLayout()
        self.form_box.setSpacing(2)
        self.form_box.setObjectName(u"form_box")
        self.form_input = QComboBox(self.details_contents)
        self.form_input.setObjectName(u"form_input")

        self.form_box.addWidget(self.form_input)

        self.form_error = QLabel(self.details_contents)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setWordWrap(True)
        self.form_error.setVisible(False)
        self.form_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form_box.addWidget(self.form_error)


        self.fields_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.form_box)

        self.production_date_label = QLabel(self.details_contents)
        self.production_date_label.setObjectName(u"production_date_label")

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.production_date_label)

        self.production_date_box = QVBoxLayout()
        self.production_date_box.setSpacing(2)
        self.production_date_box.setObjectName(u"production_date_box")
        self.production_date_input = QLineEdit(self.details_contents)
        self.production_date_input.setObjectName(u"production_date_input")

        self.production_date_box.addWidget(self.production_date_input)

        self.production_date_words = QLabel(self.details_contents)
        self.production_date_words.setObjectName(u"production_date_words")
        self.production_date_words.setWordWrap(True)

        self.production_date_box.addWidget(self.production_date_words)

        self.production_date_error = QLabel(self.details_contents)
        self.production_date_error.setObjectName(u"production_date_error")
        self.production_date_error.setWordWrap(True)
        self.production_date_error.setVisible(False)
        self.production_date_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.production_date_box.addWidget(self.production_date_error)


        self.fields_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.production_date_box)

        self.countries_label = QLabel(self.details_contents)
        self.countries_label.setObjectName(u"countries_label")

        self.fields_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.countries_label)

        self.countries_box = QVBoxLayout()
        self.countries_box.setSpacing(2)
        self.countries_box.setObjectName(u"countries_box")
        self.countries_input = QLineEdit(self.details_contents)
        self.countries_input.setObjectName(u"countries_input")

        self.countries_box.addWidget(self.countries_input)

        self.countries_error = QLabel(self.details_contents)
        self.countries_error.setObjectName(u"countries_error")
        self.countries_error.setWordWrap(True)
        self.countries_error.setVisible(False)
        self.countries_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.countries_box.addWidget(self.countries_error)


        self.fields_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.countries_box)

        self.languages_label = QLabel(self.details_contents)
        self.languages_label.setObjectName(u"languages_label")

        self.fields_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.languages_label)

        self.languages_box = QVBoxLayout()
        self.languages_box.setSpacing(2)
        self.languages_box.setObjectName(u"languages_box")
        self.languages_input = QLineEdit(self.details_contents)
        self.languages_input.setObjectName(u"languages_input")

        self.languages_box.addWidget(self.languages_input)

        self.languages_error = QLabel(self.details_contents)
        self.languages_error.setObjectName(u"languages_error")
        self.languages_error.setWordWrap(True)
        self.languages_error.setVisible(False)
        self.languages_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.languages_box.addWidget(self.languages_error)


        self.fields_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.languages_box)

        self.colour_label = QLabel(self.details_contents)
        self.colour_label.setObjectName(u"colour_label")

        self.fields_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.colour_label)

        self.colour_box = QVBoxLayout()
        self.colour_box.setSpacing(2)
        self.colour_box.setObjectName(u"colour_box")
        self.colour_input = QComboBox(self.details_contents)
        self.colour_input.setObjectName(u"colour_input")

        self.colour_box.addWidget(self.colour_input)

        self.colour_error = QLabel(self.details_contents)
        self.colour_error.setObjectName(u"colour_error")
        self.colour_error.setWordWrap(True)
        self.colour_error.setVisible(False)
        self.colour_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.colour_box.addWidget(self.colour_error)


        self.fields_layout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.colour_box)

        self.sound_label = QLabel(self.details_contents)
        self.sound_label.setObjectName(u"sound_label")

        self.fields_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.sound_label)

        self.sound_box = QVBoxLayout()
        self.sound_box.setSpacing(2)
        self.sound_box.setObjectName(u"sound_box")
        self.sound_input = QComboBox(self.details_contents)
        self.sound_input.setObjectName(u"sound_input")

        self.sound_box.addWidget(self.sound_input)

        self.sound_error = QLabel(self.details_contents)
        self.sound_error.setObjectName(u"sound_error")
        self.sound_error.setWordWrap(True)
        self.sound_error.setVisible(False)
        self.sound_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sound_box.addWidget(self.sound_error)


        self.fields_layout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.sound_box)

        self.running_time_label = QLabel(self.details_contents)
        self.running_time_label.setObjectName(u"running_time_label")

        self.fields_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.running_time_label)

        self.running_time_box = QVBoxLayout()
        self.running_time_box.setSpacing(2)
        self.running_time_box.setObjectName(u"running_time_box")
        self.running_time_input = QLineEdit(self.details_contents)
        self.running_time_input.setObjectName(u"running_time_input")

        self.running_time_box.addWidget(self.running_time_input)

        self.running_time_error = QLabel(self.details_contents)
        self.running_time_error.setObjectName(u"running_time_error")
        self.running_time_error.setWordWrap(True)
        self.running_time_error.setVisible(False)
        self.running_time_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.running_time_box.addWidget(self.running_time_error)


        self.fields_layout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.running_time_box)

        self.genres_label = QLabel(self.details_contents)
        self.genres_label.setObjectName(u"genres_label")

        self.fields_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.genres_label)

        self.genres_box = QVBoxLayout()
        self.genres_box.setSpacing(2)
        self.genres_box.setObjectName(u"genres_box")
        self.genres_input = QLineEdit(self.details_contents)
        self.genres_input.setObjectName(u"genres_input")

        self.genres_box.addWidget(self.genres_input)

        self.genres_error = QLabel(self.details_contents)
        self.genres_error.setObjectName(u"genres_error")
        self.genres_error.setWordWrap(True)
        self.genres_error.setVisible(False)
        self.genres_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.genres_box.addWidget(self.genres_error)


        self.fields_layout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.genres_box)

        self.subjects_label = QLabel(self.details_contents)
        self.subjects_label.setObjectName(u"subjects_label")

        self.fields_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.subjects_label)

        self.subjects_box = QVBoxLayout()
        self.subjects_box.setSpacing(2)
        self.subjects_box.setObjectName(u"subjects_box")
        self.subjects_input = QLineEdit(self.details_contents)
        self.subjects_input.setObjectName(u"subjects_input")

        self.subjects_box.addWidget(self.subjects_input)

        self.subjects_error = QLabel(self.details_contents)
        self.subjects_error.setObjectName(u"subjects_error")
        self.subjects_error.setWordWrap(True)
        self.subjects_error.setVisible(False)
        self.subjects_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.subjects_box.addWidget(self.subjects_error)


        self.fields_layout.setLayout(9, QFormLayout.ItemRole.FieldRole, self.subjects_box)

        self.synopsis_label = QLabel(self.details_contents)
        self.synopsis_label.setObjectName(u"synopsis_label")

        self.fields_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.synopsis_label)

        self.synopsis_box = QVBoxLayout()
        self.synopsis_box.setSpacing(2)
        self.synopsis_box.setObjectName(u"synopsis_box")
        self.synopsis_input = QPlainTextEdit(self.details_contents)
        self.synopsis_input.setObjectName(u"synopsis_input")
        self.synopsis_input.setTabChangesFocus(True)
        self.synopsis_input.setMinimumSize(QSize(0, 60))
        self.synopsis_input.setMaximumSize(QSize(16777215, 110))

        self.synopsis_box.addWidget(self.synopsis_input)

        self.synopsis_error = QLabel(self.details_contents)
        self.synopsis_error.setObjectName(u"synopsis_error")
        self.synopsis_error.setWordWrap(True)
        self.synopsis_error.setVisible(False)
        self.synopsis_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.synopsis_box.addWidget(self.synopsis_error)


        self.fields_layout.setLayout(10, QFormLayout.ItemRole.FieldRole, self.synopsis_box)

        self.notes_label = QLabel(self.details_contents)
        self.notes_label.setObjectName(u"notes_label")

        self.fields_layout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.notes_label)

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


        self.fields_layout.setLayout(11, QFormLayout.ItemRole.FieldRole, self.notes_box)

        self.record_status_label = QLabel(self.details_contents)
        self.record_status_label.setObjectName(u"record_status_label")

        self.fields_layout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.record_status_label)

        self.record_status_box = QVBoxLayout()
        self.record_status_box.setSpacing(2)
        self.record_status_box.setObjectName(u"record_status_box")
        self.record_status_input = QComboBox(self.details_contents)
        self.record_status_input.setObjectName(u"record_status_input")

        self.record_status_box.addWidget(self.record_status_input)

        self.record_status_error = QLabel(self.details_contents)
        self.record_status_error.setObjectName(u"record_status_error")
        self.record_status_error.setWordWrap(True)
        self.record_status_error.setVisible(False)
        self.record_status_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.record_status_box.addWidget(self.record_status_error)


        self.fields_layout.setLayout(12, QFormLayout.ItemRole.FieldRole, self.record_status_box)


        self.details_contents_layout.addLayout(self.fields_layout)

        self.details_spacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.details_contents_layout.addItem(self.details_spacer)

        self.details_scroll.setWidget(self.details_contents)

        self.details_page_layout.addWidget(self.details_scroll)

        self.tabs.addTab(self.details_page, "")
        self.titles_page = QWidget()
        self.titles_page.setObjectName(u"titles_page")
        self.titles_page_layout = QVBoxLayout(self.titles_page)
        self.titles_page_layout.setObjectName(u"titles_page_layout")
        self.titles_host = QWidget(self.titles_page)
        self.titles_host.setObjectName(u"titles_host")
        self.titles_host_layout = QVBoxLayout(self.titles_host)
        self.titles_host_layout.setObjectName(u"titles_host_layout")
        self.titles_host_layout.setContentsMargins(0, 0, 0, 0)

        self.titles_page_layout.addWidget(self.titles_host)

        self.tabs.addTab(self.titles_page, "")
        self.credits_page = QWidget()
        self.credits_page.setObjectName(u"credits_page")
        self.credits_page_layout = QVBoxLayout(self.credits_page)
        self.credits_page_layout.setObjectName(u"credits_page_layout")
        self.credits_host = QWidget(self.credits_page)
        self.credits_host.setObjectName(u"credits_host")
        self.credits_host_layout = QVBoxLayout(self.credits_host)
        self.credits_host_layout.setObjectName(u"credits_host_layout")
        self.credits_host_layout.setContentsMargins(0, 0, 0, 0)

        self.credits_page_layout.addWidget(self.credits_host)

        self.tabs.addTab(self.credits_page, "")
        self.events_page = QWidget()
        self.events_page.setObjectName(u"events_page")
        self.events_page_layout = QVBoxLayout(self.events_page)
        self.events_page_layout.setObjectName(u"events_page_layout")
        self.events_host = QWidget(self.events_page)
        self.events_host.setObjectName(u"events_host")
        self.events_host_layout = QVBoxLayout(self.events_host)
        self.events_host_layout.setObjectName(u"events_host_layout")
        self.events_host_layout.setContentsMargins(0, 0, 0, 0)

        self.events_page_layout.addWidget(self.events_host)

        self.tabs.addTab(self.events_page, "")
        self.copies_page = QWidget()
        self.copies_page.setObjectName(u"copies_page")
        self.copies_page_layout = QVBoxLayout(self.copies_page)
        self.copies_page_layout.setObjectName(u"copies_page_layout")
        self.copies_host = QWidget(self.copies_page)
        self.copies_host.setObjectName(u"copies_host")
        self.copies_host_layout = QVBoxLayout(self.copies_host)
        self.copies_host_layout.setObjectName(u"copies_host_layout")
        self.copies_host_layout.setContentsMargins(0, 0, 0, 0)

        self.copies_page_layout.addWidget(self.copies_host)

        self.tabs.addTab(self.copies_page, "")
        self.body_splitter.addWidget(self.tabs)
        self.citations_host = QWidget(self.body_splitter)
        self.citations_host.setObjectName(u"citations_host")
        self.citations_host_layout = QVBoxLayout(self.citations_host)
        self.citations_host_layout.setObjectName(u"citations_host_layout")
        self.citations_host_layout.setContentsMargins(0, 0, 0, 0)
        self.body_splitter.addWidget(self.citations_host)

        self.form_layout.addWidget(self.body_splitter)

#if QT_CONFIG(shortcut)
        self.identifier_label.setBuddy(self.identifier_input)
        self.form_label.setBuddy(self.form_input)
        self.production_date_label.setBuddy(self.production_date_input)
        self.countries_label.setBuddy(self.countries_input)
        self.languages_label.setBuddy(self.languages_input)
        self.colour_label.setBuddy(self.colour_input)
        self.sound_label.setBuddy(self.sound_input)
        self.running_time_label.setBuddy(self.running_time_input)
        self.genres_label.setBuddy(self.genres_input)
        self.subjects_label.setBuddy(self.subjects_input)
        self.synopsis_label.setBuddy(self.synopsis_input)
        self.notes_label.setBuddy(self.notes_input)
        self.record_status_label.setBuddy(self.record_status_input)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.save_button, self.revert_button)
        QWidget.setTabOrder(self.revert_button, self.tabs)
        QWidget.setTabOrder(self.tabs, self.identifier_input)
        QWidget.setTabOrder(self.identifier_input, self.form_input)
        QWidget.setTabOrder(self.form_input, self.production_date_input)
        QWidget.setTabOrder(self.production_date_input, self.countries_input)
        QWidget.setTabOrder(self.countries_input, self.languages_input)
        QWidget.setTabOrder(self.languages_input, self.colour_input)
        QWidget.setTabOrder(self.colour_input, self.sound_input)
        QWidget.setTabOrder(self.sound_input, self.running_time_input)
        QWidget.setTabOrder(self.running_time_input, self.genres_input)
        QWidget.setTabOrder(self.genres_input, self.subjects_input)
        QWidget.setTabOrder(self.subjects_input, self.synopsis_input)
        QWidget.setTabOrder(self.synopsis_input, self.notes_input)
        QWidget.setTabOrder(self.notes_input, self.record_status_input)

        self.retranslateUi(WorkForm)

        self.save_button.setDefault(True)
        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(WorkForm)
    # setupUi

    def retranslateUi(self, WorkForm):
        WorkForm.setWindowTitle(QCoreApplication.translate("WorkForm", u"Work", None))
        self.heading_label.setText("")
        self.dirty_label.setText("")
        self.revert_button.setText(QCoreApplication.translate("WorkForm", u"Revert", None))
#if QT_CONFIG(tooltip)
        self.revert_button.setToolTip(QCoreApplication.translate("WorkForm", u"Discard unsaved changes (Ctrl+Shift+R)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.revert_button.setAccessibleName(QCoreApplication.translate("WorkForm", u"Revert unsaved changes", None))
#endif // QT_CONFIG(accessibility)
        self.save_button.setText(QCoreApplication.translate("WorkForm", u"Save", None))
#if QT_CONFIG(tooltip)
        self.save_button.setToolTip(QCoreApplication.translate("WorkForm", u"Save this record (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.save_button.setAccessibleName(QCoreApplication.translate("WorkForm", u"Save record", None))
#endif // QT_CONFIG(accessibility)
        self.identifier_label.setText(QCoreApplication.translate("WorkForm", u"&Identifier", None))
#if QT_CONFIG(accessibility)
        self.identifier_input.setAccessibleName(QCoreApplication.translate("WorkForm", u"Identifier", None))
#endif // QT_CONFIG(accessibility)
        self.identifier_input.setPlaceholderText(QCoreApplication.translate("WorkForm", u"accession number, e.g. KCFS-1985-012", None))
        self.identifier_error.setText("")
        self.form_label.setText(QCoreApplication.translate("WorkForm", u"F&orm", None))
#if QT_CONFIG(accessibility)
        self.form_input.setAccessibleName(QCoreApplication.translate("WorkForm", u"Form", None))
#endif // QT_CONFIG(accessibility)
        self.form_error.setText("")
        self.production_date_label.setText(QCoreApplication.translate("WorkForm", u"Production &year", None))
#if QT_CONFIG(accessibility)
        self.production_date_input.setAccessibleName(QCoreApplication.translate("WorkForm", u"Production year", None))
#endif // QT_CONFIG(accessibility)
        self.production_date_input.setPlaceholderText(QCoreApplication.translate("WorkForm", u"EDTF: 1985, 1985~, 198X, 1985/1987, \uc8fc\uccb474", None))
        self.production_date_words.setText("")
        self.production_date_error.setText("")
        self.countries_label.setText(QCoreApplication.translate("WorkForm", u"&Countries", None))
#if QT_CONFIG(accessibility)
        self.countries_input.setAccessibleName(QCoreApplication.translate("WorkForm", u"Countries", None))
#endif // QT_CONFIG(accessibility)
        self.countries_input.setPlaceholderText(QCoreApplication.translate("WorkForm", u"country codes separated by commas: KP, JP", None))
        self.countries_error.setText("")
        self.languages_label.setText(QCoreApplication.translate("WorkForm", u"&Languages", None))
#if QT_CONFIG(accessibility)
        self.languages_input.setAccessibleName(QCoreApplication.translate("WorkForm", u"Languages", None))
#endif // QT_CONFIG(accessibility)
        self.languages_input.setPlaceholderText(QCoreApplication.translate("WorkForm", u"language codes separated by commas: ko, en", None))
        self.languages_error.setText("")
        self.colour_label.setText(QCoreApplication.translate("WorkForm", u"Colo&ur", None))
#if QT_CONFIG(accessibility)
        self.colour_input.setAccessibleName(QCoreApplication.translate("WorkForm", u"Colour", None))
#endif // QT_CONFIG(accessibility)
        self.colour_error.setText("")
        self.sound_label.setText(QCoreApplication.translate("WorkForm", u"&Sound", None))
#if QT_CONFIG(accessibility)
        self.sound_input.setAccessibleName(QCoreApplication.translate("WorkForm", u"Sound", None))
#endif // QT_CONFIG(accessibility)
        self.sound_error.setText("")
        self.running_time_label.setText(QCoreApplication.translate("WorkForm", u"&Running time", None))
#if QT_CONFIG(accessibility)
        self.running_time_input.setAccessibleName(QCoreApplication.translate("WorkForm", u"Running time", None))
#endif // QT_CONFIG(accessibility)
        self.running_time_input.setPlaceholderText(QCoreApplication.translate("WorkForm", u"minutes", None))
        self.running_time_error.setText("")
        self.genres_label.setText(QCoreApplication.translate("WorkForm", u"&Genres", None))
#if QT_CONFIG(accessibility)
        self.genres_input.setAccessibleName(QCoreApplication.translate("WorkForm", u"Genres", None))
#endif // QT_CONFIG(accessibility)
        self.genres_input.setPlaceholderText(QCoreApplication.translate("WorkForm", u"separated by commas", None))
        self.genres_error.setText("")
        self.subjects_label.setText(QCoreApplication.translate("WorkForm", u"Su&bjects", None))
#if QT_CONFIG(accessibility)
        self.subjects_input.setAccessibleName(QCoreApplication.translate("WorkForm", u"Subjects", None))
#endif // QT_CONFIG(accessibility)
        self.subjects_input.setPlaceholderText(QCoreApplication.translate("WorkForm", u"separated by commas", None))
        self.subjects_error.setText("")
        self.synopsis_label.setText(QCoreApplication.translate("WorkForm", u"Syno&psis", None))
#if QT_CONFIG(accessibility)
        self.synopsis_input.setAccessibleName(QCoreApplication.translate("WorkForm", u"Synopsis", None))
#endif // QT_CONFIG(accessibility)
        self.synopsis_error.setText("")
        self.notes_label.setText(QCoreApplication.translate("WorkForm", u"&Notes", None))
#if QT_CONFIG(accessibility)
        self.notes_input.setAccessibleName(QCoreApplication.translate("WorkForm", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.notes_error.setText("")
        self.record_status_label.setText(QCoreApplication.translate("WorkForm", u"Record st&atus", None))
#if QT_CONFIG(accessibility)
        self.record_status_input.setAccessibleName(QCoreApplication.translate("WorkForm", u"Record status", None))
#endif // QT_CONFIG(accessibility)
        self.record_status_error.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.details_page), QCoreApplication.translate("WorkForm", u"Details", None))
        self.tabs.setTabText(self.tabs.indexOf(self.titles_page), QCoreApplication.translate("WorkForm", u"Titles", None))
        self.tabs.setTabText(self.tabs.indexOf(self.credits_page), QCoreApplication.translate("WorkForm", u"Credits", None))
        self.tabs.setTabText(self.tabs.indexOf(self.events_page), QCoreApplication.translate("WorkForm", u"Events", None))
        self.tabs.setTabText(self.tabs.indexOf(self.copies_page), QCoreApplication.translate("WorkForm", u"Versions and copies", None))
    # retranslateUi

