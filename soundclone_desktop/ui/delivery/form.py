"""The delivery dialog's choices: profile (its rules in plain words), the custom numbers,
the outputs, the M4B's details, the credits and the folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.book.model import Book
from soundclone_desktop.core.delivery.profiles import PROFILES, DeliveryProfile, custom_profile
from soundclone_desktop.core.subtitles import SubtitleFormat
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.delivery import texts
from soundclone_desktop.ui.delivery.credits import AddCredits, CreditsGroup
from soundclone_desktop.ui.delivery.request import BookDetails, DeliveryRequest

CTX = "Delivery"  # spelled out: the translation extractor reads constants only
_CUSTOM_FORMATS = (("mp3", "MP3"), ("m4a", "AAC (M4A)"), ("flac", "FLAC"), ("wav", "WAV"))
_BITRATES = (64, 96, 128, 192, 256, 320)
_RATES = (22050, 44100, 48000)


class DeliveryForm(QWidget):
    def __init__(
        self,
        book: Book,
        book_folder: Path,
        out: Path,
        parent: QWidget | None = None,
        *,
        add_credits: AddCredits | None = None,
    ) -> None:
        super().__init__(parent)
        self.book_folder = book_folder
        self.file_dialog: QFileDialog | None = None
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        left.addWidget(self._profile_group())
        left.addWidget(self._custom_group())
        left.addStretch(1)
        right.addWidget(self._outputs_group())
        right.addWidget(self._details_group(book))
        self.credits = CreditsGroup(book, add_credits)
        right.addWidget(self.credits)
        right.addLayout(self._folder_row(out))
        self.profile_box.currentIndexChanged.connect(self._on_profile)
        self.m4b.toggled.connect(self._on_m4b)
        self.captions.toggled.connect(self._on_chapter_files)
        self.chapter_files.toggled.connect(self._on_chapter_files)
        self._on_profile()
        self._on_m4b(self.m4b.isChecked())
        self._on_chapter_files()

    # -- building ---------------------------------------------------------------------

    def _profile_group(self) -> QGroupBox:
        group = QGroupBox(translate(CTX, "Profile"))
        self.profile_box = QComboBox()
        self.profile_box.setObjectName("deliveryProfile")
        for key, found in PROFILES.items():
            self.profile_box.addItem(texts.profile_name(found), key)
        self.rules_label = QLabel()
        self.rules_label.setObjectName("deliveryRules")
        self.rules_label.setWordWrap(True)
        layout = QVBoxLayout(group)
        layout.addWidget(self.profile_box)
        layout.addWidget(self.rules_label)
        return group

    def _custom_group(self) -> QGroupBox:
        self.custom_group = QGroupBox(translate(CTX, "Custom profile"))
        self.custom_group.setObjectName("deliveryCustom")
        self.target = _spin(-30.0, -8.0, -16.0, translate(CTX, " LUFS"))
        self.ceiling = _spin(-6.0, 0.0, -1.0, translate(CTX, " dBTP"))
        self.format_box = QComboBox()
        for key, label in _CUSTOM_FORMATS:
            self.format_box.addItem(label, key)
        self.bitrate_box = QComboBox()
        for kbps in _BITRATES:
            self.bitrate_box.addItem(translate(CTX, "%1 kbps").replace("%1", str(kbps)), kbps)
        self.bitrate_box.setCurrentIndex(_BITRATES.index(192))
        self.rate_box = QComboBox()
        for rate in _RATES:
            self.rate_box.addItem(translate(CTX, "%1 Hz").replace("%1", str(rate)), rate)
        self.rate_box.setCurrentIndex(_RATES.index(44100))
        self.channels_box = QComboBox()
        self.channels_box.addItem(translate(CTX, "Mono"), 1)
        self.channels_box.addItem(translate(CTX, "Stereo"), 2)
        form = QFormLayout(self.custom_group)
        form.addRow(translate(CTX, "Loudness target:"), self.target)
        form.addRow(translate(CTX, "Peak ceiling:"), self.ceiling)
        form.addRow(translate(CTX, "Format:"), self.format_box)
        form.addRow(translate(CTX, "Bit rate:"), self.bitrate_box)
        form.addRow(translate(CTX, "Sample rate:"), self.rate_box)
        form.addRow(translate(CTX, "Channels:"), self.channels_box)
        for spin in (self.target, self.ceiling):
            spin.valueChanged.connect(self._show_rules)
        for box in (self.format_box, self.bitrate_box):
            box.currentIndexChanged.connect(self._show_rules)
        return self.custom_group

    def _outputs_group(self) -> QGroupBox:
        group = QGroupBox(translate(CTX, "Make"))
        self.chapter_files = QCheckBox(translate(CTX, "One file per chapter, with the credits"))
        self.chapter_files.setObjectName("deliveryChapterFiles")
        self.chapter_files.setChecked(True)
        self.m4b = QCheckBox(translate(CTX, "One M4B with chapters"))
        self.m4b.setObjectName("deliveryM4b")
        self.captions = QCheckBox(translate(CTX, "Captions of each file and of the book:"))
        self.captions.setObjectName("deliveryCaptions")
        self.caption_format = QComboBox()
        for fmt in SubtitleFormat:
            self.caption_format.addItem(fmt.value.upper(), fmt)
        self.epub = QCheckBox(translate(CTX, "Read-along EPUB 3 (text highlighted as it plays)"))
        self.epub.setObjectName("deliveryEpub")
        grid = QGridLayout(group)
        grid.addWidget(self.chapter_files, 0, 0, 1, 2)
        grid.addWidget(self.m4b, 1, 0, 1, 2)
        grid.addWidget(self.captions, 2, 0)
        grid.addWidget(self.caption_format, 2, 1)
        grid.addWidget(self.epub, 3, 0, 1, 2)
        grid.setColumnStretch(2, 1)
        return group

    def _details_group(self, book: Book) -> QGroupBox:
        self.details_group = QGroupBox(translate(CTX, "M4B details"))
        self.title_edit = QLineEdit(book.title)
        self.author_edit = QLineEdit(book.author)
        self.narrator_edit = QLineEdit(book.narrator or "")
        self.year_edit = QLineEdit()
        self.year_edit.setMaxLength(4)
        self.genre_edit = QLineEdit(translate(CTX, "Audiobook"))
        self.description_edit = QLineEdit()
        self.cover_edit = QLineEdit()
        self.cover_edit.setObjectName("deliveryCover")
        self.cover_edit.setPlaceholderText(translate(CTX, "JPEG or PNG, square"))
        cover_button = QPushButton(translate(CTX, "Choose…"))
        cover_button.clicked.connect(self.choose_cover)
        cover_row = QHBoxLayout()
        cover_row.addWidget(self.cover_edit, 1)
        cover_row.addWidget(cover_button)
        form = QFormLayout(self.details_group)
        form.addRow(translate(CTX, "Title:"), self.title_edit)
        people = QHBoxLayout()
        people.addWidget(self.author_edit)
        people.addWidget(QLabel(translate(CTX, "Narrator:")))
        people.addWidget(self.narrator_edit)
        form.addRow(translate(CTX, "Author:"), people)
        more = QHBoxLayout()
        more.addWidget(self.year_edit)
        more.addWidget(QLabel(translate(CTX, "Genre:")))
        more.addWidget(self.genre_edit, 1)
        form.addRow(translate(CTX, "Year:"), more)
        form.addRow(translate(CTX, "Description:"), self.description_edit)
        form.addRow(translate(CTX, "Cover:"), cover_row)
        return self.details_group

    def _folder_row(self, out: Path) -> QHBoxLayout:
        self.folder_edit = QLineEdit(str(out))
        self.folder_edit.setObjectName("deliveryFolder")
        button = QPushButton(translate(CTX, "Choose…"))
        button.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate(CTX, "Folder:")))
        row.addWidget(self.folder_edit, 1)
        row.addWidget(button)
        return row

    # -- behaviour --------------------------------------------------------------------

    def set_profile(self, key: str) -> None:
        self.profile_box.setCurrentIndex(self.profile_box.findData(key))

    def profile(self) -> DeliveryProfile:
        key = str(self.profile_box.currentData())
        if key != "custom":
            return PROFILES[key]
        return custom_profile(
            lufs=self.target.value(),
            ceiling_db=self.ceiling.value(),
            format=str(self.format_box.currentData()),
            bitrate_kbps=int(self.bitrate_box.currentData()),
            rate=int(self.rate_box.currentData()),
        )

    def _on_profile(self) -> None:
        key = self.profile_box.currentData()
        self.custom_group.setVisible(key == "custom")
        if key == "apple" and not self.m4b.isChecked():
            self.m4b.setChecked(True)  # the profile is the M4B's
        self._show_rules()

    def _show_rules(self) -> None:
        self.rules_label.setText(rules_text(self.profile()))

    def _on_m4b(self, on: bool) -> None:
        self.details_group.setEnabled(on)

    def choose_cover(self) -> None:
        dialog = QFileDialog(self, translate(CTX, "Cover image"))
        dialog.setNameFilter(translate(CTX, "Images (*.jpg *.jpeg *.png)"))
        dialog.fileSelected.connect(self.cover_edit.setText)
        self.file_dialog = dialog
        dialog.open()

    def choose_folder(self) -> None:
        dialog = QFileDialog(self, translate(CTX, "Deliver into"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(self.folder_edit.text())
        dialog.fileSelected.connect(self.folder_edit.setText)
        self.file_dialog = dialog
        dialog.open()

    def caption_format_choice(self) -> SubtitleFormat:
        return SubtitleFormat(self.caption_format.currentData())  # Qt hands back a plain str

    def _captions_wanted(self) -> bool:
        return self.captions.isChecked() and self.chapter_files.isChecked()

    def _on_chapter_files(self) -> None:
        # Captions follow the chapter files (their times are the masters' own).
        self.captions.setEnabled(self.chapter_files.isChecked())
        self.caption_format.setEnabled(self._captions_wanted())

    def request(self) -> DeliveryRequest:
        cover = self.cover_edit.text().strip()
        custom = self.profile_box.currentData() == "custom"
        details = BookDetails(
            title=self.title_edit.text().strip(),
            author=self.author_edit.text().strip(),
            narrator=self.narrator_edit.text().strip(),
            year=self.year_edit.text().strip(),
            description=self.description_edit.text().strip(),
            genre=self.genre_edit.text().strip(),
            cover=Path(cover) if cover else None,
        )
        return DeliveryRequest(
            book_folder=self.book_folder,
            out=Path(self.folder_edit.text().strip()),
            profile=self.profile(),
            channels=int(self.channels_box.currentData()) if custom else 1,
            chapter_files=self.chapter_files.isChecked(),
            m4b=self.m4b.isChecked(),
            captions=self.caption_format_choice() if self._captions_wanted() else None,
            epub=self.epub.isChecked(),
            details=details,
        )


def rules_text(profile: DeliveryProfile) -> str:
    """The profile's summary, then each rule on its own line (recommendations marked)."""
    lines = [texts.profile_summary(profile), ""]
    for rule in profile.rules:
        words = texts.rule_words(rule)
        if not rule.required:
            words = translate(CTX, "%1 (recommended)").replace("%1", words)
        lines.append("• " + words)
    lines += ["• " + texts.words(r.words) for r in profile.book_rules]
    lines += ["• " + texts.words(note) for note in profile.notes]
    return "\n".join(lines)


def _spin(low: float, high: float, value: float, suffix: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setDecimals(1)
    spin.setSingleStep(0.5)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin
