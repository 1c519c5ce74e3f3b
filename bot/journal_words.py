"""What the user reads when the journal cannot be written: the form stays open with their text."""

from __future__ import annotations

from bot.strings import FRENCH

_STORE_DOWN = {
    FRENCH: (
        "La formation n'a pas pu être enregistrée pour création (le stockage de l'application "
        "ne répond pas) : rien n'a été créé. Votre saisie est conservée, réessayez dans un "
        "instant."
    ),
}
_STORE_DOWN_EN = (
    "Could not record this training for creation (the app's store is not answering): nothing "
    "was created. What you typed is kept; submit again in a moment."
)


def store_down(language: str) -> str:
    return _STORE_DOWN.get(language, _STORE_DOWN_EN)
