"""Each user in the language of their Slack locale (with a table), English for everyone else."""

import pytest

from bot import ids
from bot.locale import language_of_locale
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import USER, VALID_FORM, SlackDriver, texts_of


@pytest.mark.parametrize(
    ("locale", "language"),
    [("fr-FR", "fr"), ("fr-CA", "fr"), ("fr", "fr"), ("FR_be", "fr"), ("en-US", "en"),
     ("de-DE", "de"), ("es-LA", "es"), ("es-ES", "es"), ("pt-BR", "pt"),
     ("it-IT", "it"), ("ja-JP", "en"), ("zh-TW", "en"), ("", "en"), (None, "en"), ("french", "en")],
)  # fmt: skip
def test_the_language_of_a_slack_locale(locale, language):
    assert language_of_locale(locale) == language


async def test_a_french_user_goes_through_in_french(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    fake_slack.locales[USER] = "fr-FR"
    view_id = await driver.open_form()

    invalid = await driver.submit(view_id, {**VALID_FORM, ids.SUBTITLE_BLOCK: None})
    assert invalid.body["errors"] == {ids.SUBTITLE_BLOCK: "Ce champ est requis."}

    creating = await driver.submit(view_id, VALID_FORM)
    assert "Création de *Negotiation basics*" in texts_of(creating.body["view"])
    await fake_slack.wait_for(
        lambda: fake_slack.views[view_id].view["callback_id"] == ids.RESULT_CALLBACK
    )
    result = fake_slack.views[view_id].view
    assert result["title"]["text"] == "Formation créée"
    assert "*Prête* (Ready)" in texts_of(result)
    assert "Niveau: Débutant" in texts_of(result)
    dm = await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postMessage"))
    assert "La formation *n° 45*" in dm[0].args["text"]


async def test_a_french_user_reads_lucca_failures_in_french(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    fake_slack.locales[USER] = "fr-FR"
    sandbox.add_faults({"status": 503})
    view_id = await driver.open_form()
    await driver.submit(view_id, VALID_FORM)
    await fake_slack.wait_for(
        lambda: (
            fake_slack.views[view_id].view["callback_id"] == ids.FORM_CALLBACK
            and len(fake_slack.views[view_id].history) == 3
        )
    )
    assert "Lucca est indisponible pour le moment" in texts_of(fake_slack.views[view_id].view)


async def test_an_unreadable_locale_falls_back_to_english(driver, fake_slack: FakeSlack):
    fake_slack.fail_next("users.info", "ratelimited")
    view_id = await driver.open_form()
    assert fake_slack.views[view_id].view["title"]["text"] == "New training"


async def test_a_german_user_gets_a_german_form_and_a_german_dm(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    fake_slack.locales[USER] = "de-DE"
    view_id = await driver.open_form()
    form = fake_slack.views[view_id].view
    assert form["title"]["text"] == "Neue Schulung"
    assert form["submit"]["text"] == "Erstellen"
    assert "Höchstens 250 Zeichen" in str(form)

    invalid = await driver.submit(view_id, {**VALID_FORM, ids.SUBTITLE_BLOCK: None})
    assert invalid.body["errors"] == {ids.SUBTITLE_BLOCK: "Pflichtfeld."}

    await driver.submit(view_id, VALID_FORM)
    await fake_slack.wait_for(
        lambda: fake_slack.views[view_id].view["callback_id"] == ids.RESULT_CALLBACK
    )
    result = fake_slack.views[view_id].view
    assert result["title"]["text"] == "Schulung erstellt"
    assert "Niveau: Einsteiger" in texts_of(result)
    dm = await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postMessage"))
    german = ":white_check_mark: Die Schulung *#45* *Negotiation basics* wurde in Lucca Training"
    assert dm[0].args["text"].startswith(german + " erstellt.")


@pytest.mark.parametrize(("locale", "names"), [
    ("es-LA", ["Gestión (#1)", "Health and safety (#5)", "Idiomas (#2)"]),
    ("de-DE", ["Health and safety (#5)", "Languages (#2)", "Management (#1)"]),
])  # fmt: skip
async def test_category_names_are_in_the_user_s_language_when_lucca_has_it(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox, locale, names
):
    fake_slack.locales[USER] = locale
    view_id = await driver.open_form()
    answer = await driver.suggest(view_id, ids.CATEGORY_ACTION, "")
    assert [option["text"]["text"] for option in answer.body["options"]] == names
