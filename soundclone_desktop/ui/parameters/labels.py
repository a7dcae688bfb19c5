"""What the parameters form shows for an API value: emotion and language names, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from soundclone_desktop.core.languages import AUTO

_CTX = "ParametersPanel"  # the panel's context: these strings are its strings


def emotion_label(value: str) -> str:
    t = QCoreApplication.translate
    labels = {
        "neutral": t(_CTX, "Neutral"),
        "happy": t(_CTX, "Happy"),
        "sad": t(_CTX, "Sad"),
        "angry": t(_CTX, "Angry"),
        "fearful": t(_CTX, "Fearful"),
        "disgusted": t(_CTX, "Disgusted"),
        "surprised": t(_CTX, "Surprised"),
    }
    return labels.get(value, value)


def language_label(value: str) -> str:
    """Display name of an API language value (falls back to the value itself)."""
    t = QCoreApplication.translate
    labels = {
        AUTO: t("Languages", "Automatic"),
        "Chinese": t("Languages", "Chinese (Mandarin)"),
        "Chinese,Yue": t("Languages", "Cantonese"),
        "English": t("Languages", "English"),
        "Arabic": t("Languages", "Arabic"),
        "Russian": t("Languages", "Russian"),
        "Spanish": t("Languages", "Spanish"),
        "French": t("Languages", "French"),
        "Portuguese": t("Languages", "Portuguese"),
        "German": t("Languages", "German"),
        "Turkish": t("Languages", "Turkish"),
        "Dutch": t("Languages", "Dutch"),
        "Ukrainian": t("Languages", "Ukrainian"),
        "Vietnamese": t("Languages", "Vietnamese"),
        "Indonesian": t("Languages", "Indonesian"),
        "Japanese": t("Languages", "Japanese"),
        "Italian": t("Languages", "Italian"),
        "Korean": t("Languages", "Korean"),
        "Thai": t("Languages", "Thai"),
        "Polish": t("Languages", "Polish"),
        "Romanian": t("Languages", "Romanian"),
        "Greek": t("Languages", "Greek"),
        "Czech": t("Languages", "Czech"),
        "Finnish": t("Languages", "Finnish"),
        "Hindi": t("Languages", "Hindi"),
        "Bulgarian": t("Languages", "Bulgarian"),
        "Danish": t("Languages", "Danish"),
        "Hebrew": t("Languages", "Hebrew"),
        "Malay": t("Languages", "Malay"),
        "Persian": t("Languages", "Persian"),
        "Slovak": t("Languages", "Slovak"),
        "Swedish": t("Languages", "Swedish"),
        "Croatian": t("Languages", "Croatian"),
        "Filipino": t("Languages", "Filipino"),
        "Hungarian": t("Languages", "Hungarian"),
        "Norwegian": t("Languages", "Norwegian"),
        "Slovenian": t("Languages", "Slovenian"),
        "Catalan": t("Languages", "Catalan"),
        "Nynorsk": t("Languages", "Norwegian Nynorsk"),
        "Tamil": t("Languages", "Tamil"),
        "Afrikaans": t("Languages", "Afrikaans"),
    }
    return labels.get(value, value)
