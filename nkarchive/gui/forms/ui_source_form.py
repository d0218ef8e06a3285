# Generated from ui/source_form.ui by scripts/build-forms: do not edit by hand.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'source_form.ui'
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

class Ui_SourceForm(object):
    def setupUi(self, SourceForm):
        if not SourceForm.objectName():
            SourceForm.setObjectName(u"SourceForm")
        self.form_layout = QVBoxLayout(SourceForm)
        self.form_layout.setObjectName(u"form_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setObjectName(u"header_layout")
        self.heading_label = QLabel(SourceForm)
        self.heading_label.setObjectName(u"heading_label")
        self.heading_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.header_layout.addWidget(self.heading_label)

        self.dirty_label = QLabel(SourceForm)
        self.dirty_label.setObjectName(u"dirty_label")

        self.header_layout.addWidget(self.dirty_label)

        self.header_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_layout.addItem(self.header_spacer)

        self.revert_button = QPushButton(SourceForm)
        self.revert_button.setObjectName(u"revert_button")

        self.header_layout.addWidget(self.revert_button)

        self.save_button = QPushButton(SourceForm)
        self.save_button.setObjectName(u"save_button")

        self.header_layout.addWidget(self.save_button)


        self.form_layout.addLayout(self.header_layout)

        self.body_splitter = QSplitter(SourceForm)
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
        self.source_type_label = QLabel(self.details_contents)
        self.source_type_label.setObjectName(u"source_type_label")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.source_type_label)

        self.source_type_box = QVBoxLayout()
        self.source_type_box.setSpacing(2)
        self.source_type_box.setObjectName(u"source_type_box")
        self.source_type_input = QComboBox(self.details_contents)
        self.source_type_input.setObjectName(u"source_type_input")

        self.source_type_box.addWidget(self.source_type_input)

        self.source_type_error = QLabel(self.details_contents)
        self.source_type_error.setObjectName(u"source_type_error")
        self.source_type_error.setWordWrap(True)
        self.source_type_error.setVisible(False)
        self.source_type_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.source_type_box.addWidget(self.source_type_error)


        self.fields_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.source_type_box)

        self.title_label = QLabel(self.details_contents)
        self.title_label.setObjectName(u"title_label")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_box = QVBoxLayout()
        self.title_box.setSpacing(2)
        self.title_box.setObjectName(u"title_box")
        self.title_input = QLineEdit(self.details_contents)
        self.title_input.setObjectName(u"title_input")

        self.title_box.addWidget(self.title_input)

        self.title_error = QLabel(self.details_contents)
        self.title_error.setObjectName(u"title_error")
        self.title_error.setWordWrap(True)
        self.title_error.setVisible(False)
        self.title_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.title_box.addWidget(self.title_error)


        self.fields_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.title_box)

        self.short_title_label = QLabel(self.details_contents)
        self.short_title_label.setObjectName(u"short_title_label")

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.short_title_label)

        self.short_title_box = QVBoxLayout()
        self.short_title_box.setSpacing(2)
        self.short_title_box.setObjectName(u"short_title_box")
        self.short_title_input = QLineEdit(self.details_contents)
        self.short_title_input.setObjectName(u"short_title_input")

        self.short_title_box.addWidget(self.short_title_input)

        self.short_title_error = QLabel(self.details_contents)
        self.short_title_error.setObjectName(u"short_title_error")
        self.short_title_error.setWordWrap(True)
        self.short_title_error.setVisible(False)
        self.short_title_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.short_title_box.addWidget(self.short_title_error)


        self.fields_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.short_title_box)

        self.container_title_label = QLabel(self.details_contents)
        self.container_title_label.setObjectName(u"container_title_label")

        self.fields_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.container_title_label)

        self.container_title_box = QVBoxLayout()
        self.container_title_box.setSpacing(2)
        self.container_title_box.setObjectName(u"container_title_box")
        self.container_title_input = QLineEdit(self.details_contents)
        self.container_title_input.setObjectName(u"container_title_input")

        self.container_title_box.addWidget(self.container_title_input)

        self.container_title_error = QLabel(self.details_contents)
        self.container_title_error.setObjectName(u"container_title_error")
        self.container_title_error.setWordWrap(True)
        self.container_title_error.setVisible(False)
        self.container_title_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.container_title_box.addWidget(self.container_title_error)


        self.fields_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.container_title_box)

        self.date_label = QLabel(self.details_contents)
        self.date_label.setObjectName(u"date_label")

        self.fields_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.date_label)

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


        self.fields_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.date_box)

        self.publisher_label = QLabel(self.details_contents)
        self.publisher_label.setObjectName(u"publisher_label")

        self.fields_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.publisher_label)

        self.publisher_box = QVBoxLayout()
        self.publisher_box.setSpacing(2)
        self.publisher_box.setObjectName(u"publisher_box")
        self.publisher_input = QLineEdit(self.details_contents)
        self.publisher_input.setObjectName(u"publisher_input")

        self.publisher_box.addWidget(self.publisher_input)

        self.publisher_error = QLabel(self.details_contents)
        self.publisher_error.setObjectName(u"publisher_error")
        self.publisher_error.setWordWrap(True)
        self.publisher_error.setVisible(False)
        self.publisher_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.publisher_box.addWidget(self.publisher_error)


        self.fields_layout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.publisher_box)

        self.publisher_place_label = QLabel(self.details_contents)
        self.publisher_place_label.setObjectName(u"publisher_place_label")

        self.fields_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.publisher_place_label)

        self.publisher_place_box = QVBoxLayout()
        self.publisher_place_box.setSpacing(2)
        self.publisher_place_box.setObjectName(u"publisher_place_box")
        self.publisher_place_input = QLineEdit(self.details_contents)
        self.publisher_place_input.setObjectName(u"publisher_place_input")

        self.publisher_place_box.addWidget(self.publisher_place_input)

        self.publisher_place_error = QLabel(self.details_contents)
        self.publisher_place_error.setObjectName(u"publisher_place_error")
        self.publisher_place_error.setWordWrap(True)
        self.publisher_place_error.setVisible(False)
        self.publisher_place_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.publisher_place_box.addWidget(self.publisher_place_error)


        self.fields_layout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.publisher_place_box)

        self.volume_label = QLabel(self.details_contents)
        self.volume_label.setObjectName(u"volume_label")

        self.fields_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.volume_label)

        self.volume_box = QVBoxLayout()
        self.volume_box.setSpacing(2)
        self.volume_box.setObjectName(u"volume_box")
        self.volume_input = QLineEdit(self.details_contents)
        self.volume_input.setObjectName(u"volume_input")

        self.volume_box.addWidget(self.volume_input)

        self.volume_error = QLabel(self.details_contents)
        self.volume_error.setObjectName(u"volume_error")
        self.volume_error.setWordWrap(True)
        self.volume_error.setVisible(False)
        self.volume_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.volume_box.addWidget(self.volume_error)


        self.fields_layout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.volume_box)

        self.issue_label = QLabel(self.details_contents)
        self.issue_label.setObjectName(u"issue_label")

        self.fields_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.issue_label)

        self.issue_box = QVBoxLayout()
        self.issue_box.setSpacing(2)
        self.issue_box.setObjectName(u"issue_box")
        self.issue_input = QLineEdit(self.details_contents)
        self.issue_input.setObjectName(u"issue_input")

        self.issue_box.addWidget(self.issue_input)

        self.issue_error = QLabel(self.details_contents)
        self.issue_error.setObjectName(u"issue_error")
        self.issue_error.setWordWrap(True)
        self.issue_error.setVisible(False)
        self.issue_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.issue_box.addWidget(self.issue_error)


        self.fields_layout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.issue_box)

        self.pages_label = QLabel(self.details_contents)
        self.pages_label.setObjectName(u"pages_label")

        self.fields_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.pages_label)

        self.pages_box = QVBoxLayout()
        self.pages_box.setSpacing(2)
        self.pages_box.setObjectName(u"pages_box")
        self.pages_input = QLineEdit(self.details_contents)
        self.pages_input.setObjectName(u"pages_input")

        self.pages_box.addWidget(self.pages_input)

        self.pages_error = QLabel(self.details_contents)
        self.pages_error.setObjectName(u"pages_error")
        self.pages_error.setWordWrap(True)
        self.pages_error.setVisible(False)
        self.pages_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pages_box.addWidget(self.pages_error)


        self.fields_layout.setLayout(9, QFormLayout.ItemRole.FieldRole, self.pages_box)

        self.edition_label = QLabel(self.details_contents)
        self.edition_label.setObjectName(u"edition_label")

        self.fields_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.edition_label)

        self.edition_box = QVBoxLayout()
        self.edition_box.setSpacing(2)
        self.edition_box.setObjectName(u"edition_box")
        self.edition_input = QLineEdit(self.details_contents)
        self.edition_input.setObjectName(u"edition_input")

        self.edition_box.addWidget(self.edition_input)

        self.edition_error = QLabel(self.details_contents)
        self.edition_error.setObjectName(u"edition_error")
        self.edition_error.setWordWrap(True)
        self.edition_error.setVisible(False)
        self.edition_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.edition_box.addWidget(self.edition_error)


        self.fields_layout.setLayout(10, QFormLayout.ItemRole.FieldRole, self.edition_box)

        self.url_label = QLabel(self.details_contents)
        self.url_label.setObjectName(u"url_label")

        self.fields_layout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.url_label)

        self.url_box = QVBoxLayout()
        self.url_box.setSpacing(2)
        self.url_box.setObjectName(u"url_box")
        self.url_input = QLineEdit(self.details_contents)
        self.url_input.setObjectName(u"url_input")

        self.url_box.addWidget(self.url_input)

        self.url_error = QLabel(self.details_contents)
        self.url_error.setObjectName(u"url_error")
        self.url_error.setWordWrap(True)
        self.url_error.setVisible(False)
        self.url_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.url_box.addWidget(self.url_error)


        self.fields_layout.setLayout(11, QFormLayout.ItemRole.FieldRole, self.url_box)

        self.accessed_label = QLabel(self.details_contents)
        self.accessed_label.setObjectName(u"accessed_label")

        self.fields_layout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.accessed_label)

        self.accessed_box = QVBoxLayout()
        self.accessed_box.setSpacing(2)
        self.accessed_box.setObjectName(u"accessed_box")
        self.accessed_input = QLineEdit(self.details_contents)
        self.accessed_input.setObjectName(u"accessed_input")

        self.accessed_box.addWidget(self.accessed_input)

        self.accessed_error = QLabel(self.details_contents)
        self.accessed_error.setObjectName(u"accessed_error")
        self.accessed_error.setWordWrap(True)
        self.accessed_error.setVisible(False)
        self.accessed_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.accessed_box.addWidget(self.accessed_error)


        self.fields_layout.setLayout(12, QFormLayout.ItemRole.FieldRole, self.accessed_box)

        self.language_label = QLabel(self.details_contents)
        self.language_label.setObjectName(u"language_label")

        self.fields_layout.setWidget(13, QFormLayout.ItemRole.LabelRole, self.language_label)

        self.language_box = QVBoxLayout()
        self.language_box.setSpacing(2)
        self.language_box.setObjectName(u"language_box")
        self.language_input = QLineEdit(self.details_contents)
        self.language_input.setObjectName(u"language_input")

        self.language_box.addWidget(self.language_input)

        self.language_error = QLabel(self.details_contents)
        self.language_error.setObjectName(u"language_error")
        self.language_error.setWordWrap(True)
        self.language_error.setVisible(False)
        self.language_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.language_box.addWidget(self.language_error)


        self.fields_layout.setLayout(13, QFormLayout.ItemRole.FieldRole, self.language_box)

        self.archive_location_label = QLabel(self.details_contents)
        self.archive_location_label.setObjectName(u"archive_location_label")

        self.fields_layout.setWidget(14, QFormLayout.ItemRole.LabelRole, self.archive_location_label)

        self.archive_location_box = QVBoxLayout()
        self.archive_location_box.setSpacing(2)
        self.archive_location_box.setObjectName(u"archive_location_box")
        self.archive_location_input = QLineEdit(self.details_contents)
        self.archive_location_input.setObjectName(u"archive_location_input")

        self.archive_location_box.addWidget(self.archive_location_input)

        self.archive_location_error = QLabel(self.details_contents)
        self.archive_location_error.setObjectName(u"archive_location_error")
        self.archive_location_error.setWordWrap(True)
        self.archive_location_error.setVisible(False)
        self.archive_location_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.archive_location_box.addWidget(self.archive_location_error)


        self.fields_layout.setLayout(14, QFormLayout.ItemRole.FieldRole, self.archive_location_box)

        self.source_class_label = QLabel(self.details_contents)
        self.source_class_label.setObjectName(u"source_class_label")

        self.fields_layout.setWidget(15, QFormLayout.ItemRole.LabelRole, self.source_class_label)

        self.source_class_box = QVBoxLayout()
        self.source_class_box.setSpacing(2)
        self.source_class_box.setObjectName(u"source_class_box")
        self.source_class_input = QComboBox(self.details_contents)
        self.source_class_input.setObjectName(u"source_class_input")

        self.source_class_box.addWidget(self.source_class_input)

        self.source_class_error = QLabel(self.details_contents)
        self.source_class_error.setObjectName(u"source_class_error")
        self.source_class_error.setWordWrap(True)
        self.source_class_error.setVisible(False)
        self.source_class_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.source_class_box.addWidget(self.source_class_error)


        self.fields_layout.setLayout(15, QFormLayout.ItemRole.FieldRole, self.source_class_box)

        self.abstract_label = QLabel(self.details_contents)
        self.abstract_label.setObjectName(u"abstract_label")

        self.fields_layout.setWidget(16, QFormLayout.ItemRole.LabelRole, self.abstract_label)

        self.abstract_box = QVBoxLayout()
        self.abstract_box.setSpacing(2)
        self.abstract_box.setObjectName(u"abstract_box")
        self.abstract_input = QPlainTextEdit(self.details_contents)
        self.abstract_input.setObjectName(u"abstract_input")
        self.abstract_input.setTabChangesFocus(True)
        self.abstract_input.setMinimumSize(QSize(0, 60))
        self.abstract_input.setMaximumSize(QSize(16777215, 110))

        self.abstract_box.addWidget(self.abstract_input)

        self.abstract_error = QLabel(self.details_contents)
        self.abstract_error.setObjectName(u"abstract_error")
        self.abstract_error.setWordWrap(True)
        self.abstract_error.setVisible(False)
        self.abstract_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.abstract_box.addWidget(self.abstract_error)


        self.fields_layout.setLayout(16, QFormLayout.ItemRole.FieldRole, self.abstract_box)

        self.notes_label = QLabel(self.details_contents)
        self.notes_label.setObjectName(u"notes_label")

        self.fields_layout.setWidget(17, QFormLayout.ItemRole.LabelRole, self.notes_label)

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


        self.fields_layout.setLayout(17, QFormLayout.ItemRole.FieldRole, self.notes_box)


        self.details_contents_layout.addLayout(self.fields_layout)

        self.details_spacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.details_contents_layout.addItem(self.details_spacer)

        self.details_scroll.setWidget(self.details_contents)

        self.details_page_layout.addWidget(self.details_scroll)

        self.tabs.addTab(self.details_page, "")
        self.contributors_page = QWidget()
        self.contributors_page.setObjectName(u"contributors_page")
        self.contributors_page_layout = QVBoxLayout(self.contributors_page)
        self.contributors_page_layout.setObjectName(u"contributors_page_layout")
        self.contributors_host = QWidget(self.contributors_page)
        self.contributors_host.setObjectName(u"contributors_host")
        self.contributors_host_layout = QVBoxLayout(self.contributors_host)
        self.contributors_host_layout.setObjectName(u"contributors_host_layout")
        self.contributors_host_layout.setContentsMargins(0, 0, 0, 0)

        self.contributors_page_layout.addWidget(self.contributors_host)

        self.tabs.addTab(self.contributors_page, "")
        self.attachments_page = QWidget()
        self.attachments_page.setObjectName(u"attachments_page")
        self.attachments_page_layout = QVBoxLayout(self.attachments_page)
        self.attachments_page_layout.setObjectName(u"attachments_page_layout")
        self.attachments_host = QWidget(self.attachments_page)
        self.attachments_host.setObjectName(u"attachments_host")
        self.attachments_host_layout = QVBoxLayout(self.attachments_host)
        self.attachments_host_layout.setObjectName(u"attachments_host_layout")
        self.attachments_host_layout.setContentsMargins(0, 0, 0, 0)

        self.attachments_page_layout.addWidget(self.attachments_host)

        self.tabs.addTab(self.attachments_page, "")
        self.body_splitter.addWidget(self.tabs)
        self.citations_host = QWidget(self.body_splitter)
        self.citations_host.setObjectName(u"citations_host")
        self.citations_host_layout = QVBoxLayout(self.citations_host)
        self.citations_host_layout.setObjectName(u"citations_host_layout")
        self.citations_host_layout.setContentsMargins(0, 0, 0, 0)
        self.body_splitter.addWidget(self.citations_host)

        self.form_layout.addWidget(self.body_splitter)

#if QT_CONFIG(shortcut)
        self.source_type_label.setBuddy(self.source_type_input)
        self.title_label.setBuddy(self.title_input)
        self.short_title_label.setBuddy(self.short_title_input)
        self.container_title_label.setBuddy(self.container_title_input)
        self.date_label.setBuddy(self.date_input)
        self.publisher_label.setBuddy(self.publisher_input)
        self.publisher_place_label.setBuddy(self.publisher_place_input)
        self.volume_label.setBuddy(self.volume_input)
        self.issue_label.setBuddy(self.issue_input)
        self.pages_label.setBuddy(self.pages_input)
        self.edition_label.setBuddy(self.edition_input)
        self.url_label.setBuddy(self.url_input)
        self.accessed_label.setBuddy(self.accessed_input)
        self.language_label.setBuddy(self.language_input)
        self.archive_location_label.setBuddy(self.archive_location_input)
        self.source_class_label.setBuddy(self.source_class_input)
        self.abstract_label.setBuddy(self.abstract_input)
        self.notes_label.setBuddy(self.notes_input)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.save_button, self.revert_button)
        QWidget.setTabOrder(self.revert_button, self.tabs)
        QWidget.setTabOrder(self.tabs, self.source_type_input)
        QWidget.setTabOrder(self.source_type_input, self.title_input)
        QWidget.setTabOrder(self.title_input, self.short_title_input)
        QWidget.setTabOrder(self.short_title_input, self.container_title_input)
        QWidget.setTabOrder(self.container_title_input, self.date_input)
        QWidget.setTabOrder(self.date_input, self.publisher_input)
        QWidget.setTabOrder(self.publisher_input, self.publisher_place_input)
        QWidget.setTabOrder(self.publisher_place_input, self.volume_input)
        QWidget.setTabOrder(self.volume_input, self.issue_input)
        QWidget.setTabOrder(self.issue_input, self.pages_input)
        QWidget.setTabOrder(self.pages_input, self.edition_input)
        QWidget.setTabOrder(self.edition_input, self.url_input)
        QWidget.setTabOrder(self.url_input, self.accessed_input)
        QWidget.setTabOrder(self.accessed_input, self.language_input)
        QWidget.setTabOrder(self.language_input, self.archive_location_input)
        QWidget.setTabOrder(self.archive_location_input, self.source_class_input)
        QWidget.setTabOrder(self.source_class_input, self.abstract_input)
        QWidget.setTabOrder(self.abstract_input, self.notes_input)

        self.retranslateUi(SourceForm)

        self.save_button.setDefault(True)
        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SourceForm)
    # setupUi

    def retranslateUi(self, SourceForm):
        SourceForm.setWindowTitle(QCoreApplication.translate("SourceForm", u"Source", None))
        self.heading_label.setText("")
        self.dirty_label.setText("")
        self.revert_button.setText(QCoreApplication.translate("SourceForm", u"Revert", None))
#if QT_CONFIG(tooltip)
        self.revert_button.setToolTip(QCoreApplication.translate("SourceForm", u"Discard unsaved changes (Ctrl+Shift+R)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.revert_button.setAccessibleName(QCoreApplication.translate("SourceForm", u"Revert unsaved changes", None))
#endif // QT_CONFIG(accessibility)
        self.save_button.setText(QCoreApplication.translate("SourceForm", u"Save", None))
#if QT_CONFIG(tooltip)
        self.save_button.setToolTip(QCoreApplication.translate("SourceForm", u"Save this record (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.save_button.setAccessibleName(QCoreApplication.translate("SourceForm", u"Save record", None))
#endif // QT_CONFIG(accessibility)
        self.source_type_label.setText(QCoreApplication.translate("SourceForm", u"&Type", None))
#if QT_CONFIG(accessibility)
        self.source_type_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Type", None))
#endif // QT_CONFIG(accessibility)
        self.source_type_error.setText("")
        self.title_label.setText(QCoreApplication.translate("SourceForm", u"T&itle", None))
#if QT_CONFIG(accessibility)
        self.title_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.title_error.setText("")
        self.short_title_label.setText(QCoreApplication.translate("SourceForm", u"Short tit&le", None))
#if QT_CONFIG(accessibility)
        self.short_title_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Short title", None))
#endif // QT_CONFIG(accessibility)
        self.short_title_error.setText("")
        self.container_title_label.setText(QCoreApplication.translate("SourceForm", u"Published i&n", None))
#if QT_CONFIG(accessibility)
        self.container_title_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Published in", None))
#endif // QT_CONFIG(accessibility)
        self.container_title_input.setPlaceholderText(QCoreApplication.translate("SourceForm", u"newspaper, journal or book it appeared in", None))
        self.container_title_error.setText("")
        self.date_label.setText(QCoreApplication.translate("SourceForm", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.date_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.date_input.setPlaceholderText(QCoreApplication.translate("SourceForm", u"EDTF: 1985-07-02, 1985~, \uc8fc\uccb474", None))
        self.date_words.setText("")
        self.date_error.setText("")
        self.publisher_label.setText(QCoreApplication.translate("SourceForm", u"P&ublisher", None))
#if QT_CONFIG(accessibility)
        self.publisher_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Publisher", None))
#endif // QT_CONFIG(accessibility)
        self.publisher_error.setText("")
        self.publisher_place_label.setText(QCoreApplication.translate("SourceForm", u"Place of pu&blication", None))
#if QT_CONFIG(accessibility)
        self.publisher_place_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Place of publication", None))
#endif // QT_CONFIG(accessibility)
        self.publisher_place_error.setText("")
        self.volume_label.setText(QCoreApplication.translate("SourceForm", u"V&olume", None))
#if QT_CONFIG(accessibility)
        self.volume_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Volume", None))
#endif // QT_CONFIG(accessibility)
        self.volume_error.setText("")
        self.issue_label.setText(QCoreApplication.translate("SourceForm", u"Iss&ue", None))
#if QT_CONFIG(accessibility)
        self.issue_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Issue", None))
#endif // QT_CONFIG(accessibility)
        self.issue_error.setText("")
        self.pages_label.setText(QCoreApplication.translate("SourceForm", u"&Pages", None))
#if QT_CONFIG(accessibility)
        self.pages_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Pages", None))
#endif // QT_CONFIG(accessibility)
        self.pages_error.setText("")
        self.edition_label.setText(QCoreApplication.translate("SourceForm", u"Editio&n", None))
#if QT_CONFIG(accessibility)
        self.edition_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Edition", None))
#endif // QT_CONFIG(accessibility)
        self.edition_error.setText("")
        self.url_label.setText(QCoreApplication.translate("SourceForm", u"&URL", None))
#if QT_CONFIG(accessibility)
        self.url_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"URL", None))
#endif // QT_CONFIG(accessibility)
        self.url_error.setText("")
        self.accessed_label.setText(QCoreApplication.translate("SourceForm", u"A&ccessed", None))
#if QT_CONFIG(accessibility)
        self.accessed_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Accessed", None))
#endif // QT_CONFIG(accessibility)
        self.accessed_input.setPlaceholderText(QCoreApplication.translate("SourceForm", u"YYYY-MM-DD", None))
        self.accessed_error.setText("")
        self.language_label.setText(QCoreApplication.translate("SourceForm", u"&Language", None))
#if QT_CONFIG(accessibility)
        self.language_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Language", None))
#endif // QT_CONFIG(accessibility)
        self.language_input.setPlaceholderText(QCoreApplication.translate("SourceForm", u"language code, e.g. ko", None))
        self.language_error.setText("")
        self.archive_location_label.setText(QCoreApplication.translate("SourceForm", u"Archive locatio&n", None))
#if QT_CONFIG(accessibility)
        self.archive_location_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Archive location", None))
#endif // QT_CONFIG(accessibility)
        self.archive_location_error.setText("")
        self.source_class_label.setText(QCoreApplication.translate("SourceForm", u"Source cla&ss", None))
#if QT_CONFIG(accessibility)
        self.source_class_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Source class", None))
#endif // QT_CONFIG(accessibility)
        self.source_class_error.setText("")
        self.abstract_label.setText(QCoreApplication.translate("SourceForm", u"Abst&ract", None))
#if QT_CONFIG(accessibility)
        self.abstract_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Abstract", None))
#endif // QT_CONFIG(accessibility)
        self.abstract_error.setText("")
        self.notes_label.setText(QCoreApplication.translate("SourceForm", u"N&otes", None))
#if QT_CONFIG(accessibility)
        self.notes_input.setAccessibleName(QCoreApplication.translate("SourceForm", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.notes_error.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.details_page), QCoreApplication.translate("SourceForm", u"Details", None))
        self.tabs.setTabText(self.tabs.indexOf(self.contributors_page), QCoreApplication.translate("SourceForm", u"Contributors", None))
        self.tabs.setTabText(self.tabs.indexOf(self.attachments_page), QCoreApplication.translate("SourceForm", u"Attachments", None))
    # retranslateUi

