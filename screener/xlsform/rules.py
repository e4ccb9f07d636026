"""What an XLSForm may contain to become a questionnaire here, and why the rest is refused.

Each refusal names the XLSForm feature and what this product does instead, so an author knows
what to change. Nothing is dropped silently: metadata fields and display-only hints are skipped
with a notice; everything else that cannot be mapped refuses the import.
"""

from __future__ import annotations

from screener.i18n import N_

# Types that map one to one (long_text, scale and yes_no are handled by the importer).
PLAIN_TYPES = frozenset({"note", "text", "integer", "decimal", "date"})
SELECT_TYPES = frozenset({"select_one", "select_multiple"})

# Collected by the phone, not asked: skipped with a notice (this product keeps its own times).
METADATA_TYPES = frozenset(
    {
        "start",
        "end",
        "today",
        "deviceid",
        "username",
        "phonenumber",
        "simserial",
        "subscriberid",
        "email",
        "audit",
        "start-geopoint",
    }
)

MEDIA_TYPES = frozenset(
    {"image", "audio", "video", "file", "background-audio", "background-video", "photo"}
)

REASON_CALCULATE = N_(
    "type 'calculate': computed fields are not supported; the consultant records answers only"
)
REASON_MEDIA = N_(
    "media ({what}) are not supported: the interview is typed on a laptop without a camera "
    "or microphone"
)
REASON_TYPE = N_("type '{type}' has no equivalent here")

# Survey columns that are understood but cannot be carried over, with the reason.
UNSUPPORTED_COLUMNS: dict[str, str] = {
    "calculation": N_("calculations (column 'calculation') are not supported"),
    "choice_filter": N_(
        "filtered choice lists (column 'choice_filter') are not supported; "
        "use one list per question"
    ),
    "repeat_count": N_(
        "a fixed number of repeat entries (column 'repeat_count') is not supported; "
        "the consultant adds entries as needed"
    ),
    "default": N_("default answers (column 'default') are not supported"),
    "read_only": N_("read-only questions (column 'read_only') are not supported"),
    "trigger": N_("recalculation triggers (column 'trigger') are not supported"),
    "required_message": N_("a custom 'required' message is not supported"),
    "guidance_hint": N_("guidance hints are not supported; use 'hint'"),
    "image": REASON_MEDIA,
    "audio": REASON_MEDIA,
    "video": REASON_MEDIA,
    "big-image": REASON_MEDIA,
    "media": REASON_MEDIA,
}

# Appearances that only change how a question looks on a phone: skipped with a notice.
DISPLAY_APPEARANCES = frozenset(
    {
        "minimal",
        "horizontal",
        "horizontal-compact",
        "compact",
        "quick",
        "columns",
        "columns-pack",
        "no-calendar",
        "month-year",
        "year",
        "likert",
        "w1",
        "w2",
        "w3",
        "w4",
    }
)

SURVEY_COLUMNS = frozenset(
    {
        "type",
        "name",
        "label",
        "hint",
        "required",
        "relevant",
        "constraint",
        "constraint_message",
        "appearance",
        "parameters",
    }
)
CHOICE_COLUMNS = frozenset({"list_name", "name", "label"})
SETTINGS_COLUMNS = frozenset({"form_title", "form_id", "version", "default_language"})
