"""`/training-create`: signed slash commands over HTTP; the modal, the refusals, the retries."""

from bot import ids
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import USER, SlackDriver, inputs_of, texts_of


async def test_the_command_opens_the_form_with_the_title_typed_after_it(
    http_driver: SlackDriver, fake_slack: FakeSlack
):
    answer = await http_driver.command(text="Negotiation &amp; persuasion &lt;advanced&gt;")

    assert (answer.status, answer.text) == (200, "")  # acknowledged, nothing shown in the channel
    opened = await fake_slack.wait_for(lambda: fake_slack.calls_to("views.open"))
    assert opened[0].ok
    view = opened[0].args["view"]
    assert view["callback_id"] == ids.FORM_CALLBACK
    assert inputs_of(view) == {ids.TITLE_BLOCK: "Negotiation & persuasion <advanced>"}
    assert view["title"]["text"] == "New training"


async def test_the_form_has_every_field_with_its_limit_and_required_ones_required(
    driver: SlackDriver, fake_slack: FakeSlack
):
    view_id = await driver.open_form()
    inputs = {b["block_id"]: b for b in fake_slack.views[view_id].view["blocks"]}
    required = {block_id for block_id, block in inputs.items() if not block["optional"]}
    assert required == {
        ids.TITLE_BLOCK,
        ids.SUBTITLE_BLOCK,
        ids.DESCRIPTION_BLOCK,
        ids.LEVEL_BLOCK,
        ids.CERTIFYING_BLOCK,
        ids.MANDATORY_BLOCK,
    }
    assert set(inputs) - required == {
        ids.DESCRIPTION_MORE_BLOCK,
        ids.TYPE_BLOCK,
        ids.PROVIDER_BLOCK,
        ids.PROVIDER_ID_BLOCK,
        ids.CATEGORY_BLOCK,
        ids.CATEGORY_ID_BLOCK,
    }
    element = {block_id: block["element"] for block_id, block in inputs.items()}
    assert element[ids.TITLE_BLOCK]["max_length"] == 250
    assert "250 characters" in inputs[ids.TITLE_BLOCK]["hint"]["text"]
    assert element[ids.SUBTITLE_BLOCK]["max_length"] == 1000
    assert "1000 characters" in inputs[ids.SUBTITLE_BLOCK]["hint"]["text"]
    assert element[ids.DESCRIPTION_BLOCK]["max_length"] == 3000
    assert element[ids.DESCRIPTION_MORE_BLOCK]["max_length"] == 3000
    assert "6000 characters" in inputs[ids.DESCRIPTION_BLOCK]["hint"]["text"]
    assert "no space or line break is added" in inputs[ids.DESCRIPTION_MORE_BLOCK]["hint"]["text"]
    assert [o["value"] for o in element[ids.LEVEL_BLOCK]["options"]] == [
        "Beginner",
        "Middle",
        "Expert",
    ]
    assert element[ids.PROVIDER_BLOCK]["type"] == "external_select"
    assert element[ids.CATEGORY_BLOCK]["type"] == "external_select"


async def test_a_title_longer_than_250_is_cut_and_the_form_says_so(
    driver: SlackDriver, fake_slack: FakeSlack
):
    view_id = await driver.open_form(text="x" * 249 + "🙂" + "y" * 10)
    view = fake_slack.views[view_id].view
    assert inputs_of(view)[ids.TITLE_BLOCK] == "x" * 249  # the emoji would make it 251 units
    assert "keeps the first 250" in texts_of(view)


async def test_a_french_user_gets_the_form_in_french(driver: SlackDriver, fake_slack: FakeSlack):
    fake_slack.locales[USER] = "fr-FR"
    view_id = await driver.open_form()
    view = fake_slack.views[view_id].view
    assert view["title"]["text"] == "Nouvelle formation"
    assert view["submit"]["text"] == "Créer"
    text = texts_of(view)
    assert "Niveau" in text and "Débutant" in text and "Organisme de formation" in text
    assert '"l":"fr"' in view["private_metadata"]


async def test_the_locale_is_asked_once_per_user(driver: SlackDriver, fake_slack: FakeSlack):
    await driver.open_form()
    await driver.open_form()
    calls = fake_slack.calls_to("users.info")
    assert len(calls) == 1
    assert calls[0].args["include_locale"] in ("1", "true", True)


async def test_the_modal_carries_channel_user_and_response_url(
    driver: SlackDriver, fake_slack: FakeSlack
):
    view_id = await driver.open_form(channel="C0TRAINING")
    metadata = fake_slack.views[view_id].view["private_metadata"]
    assert '"c":"C0TRAINING"' in metadata and f'"u":"{USER}"' in metadata
    assert f'"r":"{fake_slack.base_url}/response/' in metadata
    assert len(metadata) <= 3000


async def test_an_expired_trigger_gets_an_ephemeral_note_to_try_again(
    driver: SlackDriver, fake_slack: FakeSlack
):
    fake_slack.fail_next("views.open", "expired_trigger_id")
    answer = await driver.command()
    assert answer.status == 200
    note = await fake_slack.wait_for(lambda: fake_slack.responses)
    assert note[0]["response_type"] == "ephemeral"
    assert "Type `/training-create` again" in note[0]["text"]


async def test_a_retried_command_opens_no_second_modal(driver: SlackDriver, fake_slack: FakeSlack):
    answer = await driver.command(retry=1)
    assert (answer.status, answer.text) == (200, "")
    await driver.open_form()  # a fresh command still works, and is the only one that opened
    assert len(fake_slack.calls_to("views.open")) == 1
