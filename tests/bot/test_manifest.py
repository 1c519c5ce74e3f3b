"""The shipped Slack app manifest matches what the app does: its doors carry the code's ids."""

from pathlib import Path

import yaml

import bot
from bot import ids
from bot.listeners import workflow_step

MANIFEST = yaml.safe_load((Path(bot.__file__).parent / "manifest.yaml").read_text("utf-8"))
# The scope each Web API method the app calls needs (views.* need none beyond `commands`).
SCOPE_OF_METHOD = {
    "chat.postMessage": "chat:write",
    "chat.postEphemeral": "chat:write",
    "users.info": "users:read",
    "conversations.info": "channels:read",  # public channels; groups:read for private ones
    "usergroups.users.list": "usergroups:read",
    "conversations.replies": "im:history",  # in DMs; threads in channels need the two below
}
# Drafting in conversations: the events that bring messages, and reading threads in channels.
CONVERSATION_SCOPES = {"app_mentions:read", "im:history", "channels:history", "groups:history"}
# The message shortcut: private channels' names, and replying in a channel the app is not in.
MESSAGE_SCOPES = {"groups:read", "chat:write.public"}
# Methods that need no scope: views take the trigger or the user, a workflow step's token answers.
NO_SCOPE = {
    "auth.test",
    "views.open",
    "views.update",
    "views.publish",
    "functions.completeSuccess",
    "functions.completeError",
}


def test_the_command_and_every_url_point_at_slack_events():
    (command,) = MANIFEST["features"]["slash_commands"]
    assert command["command"] == ids.COMMAND
    interactivity = MANIFEST["settings"]["interactivity"]
    assert interactivity["is_enabled"] is True
    urls = [
        command["url"],
        interactivity["request_url"],
        interactivity["message_menu_options_url"],
        MANIFEST["settings"]["event_subscriptions"]["request_url"],
    ]
    assert urls == ["https://YOUR-HOST/slack/events"] * 4


def test_the_bot_has_the_scopes_of_the_methods_it_calls_and_no_more():
    scopes = set(MANIFEST["oauth_config"]["scopes"]["bot"])
    needed = {"commands", *SCOPE_OF_METHOD.values(), *CONVERSATION_SCOPES, *MESSAGE_SCOPES}
    assert scopes == needed


def test_the_app_hears_its_events_and_nothing_else():
    events = MANIFEST["settings"]["event_subscriptions"]["bot_events"]
    assert sorted(events) == ["app_home_opened", "app_mention", "function_executed", "message.im"]
    assert {"app_mentions:read", "im:history"} <= set(MANIFEST["oauth_config"]["scopes"]["bot"])


def test_people_can_write_to_the_app_in_its_messages_tab():
    home = MANIFEST["features"]["app_home"]
    assert home["messages_tab_enabled"] is True
    assert home["messages_tab_read_only_enabled"] is False
    assert MANIFEST["settings"]["socket_mode_enabled"] is False  # HTTP mode unless switched


async def test_every_web_api_method_the_app_calls_is_covered_by_a_scope(
    driver, fake_slack, sandbox
):
    from tests.bot.doors import message_shortcut, open_home, run_step
    from tests.bot.slack_driver import VALID_FORM

    sandbox.add_faults({"method": "POST", "status": 503})
    view_id = await driver.open_form()
    await driver.submit(view_id, VALID_FORM)
    opened = fake_slack.views[view_id]
    # The fake sets `history`, then `view`, in its own thread: wait for both (the error's form).
    await fake_slack.wait_for(lambda: len(opened.history) == 3 and opened.view is opened.history[2])
    await driver.submit(view_id, VALID_FORM)
    await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postMessage"))
    # The other doors: a message with a mention and a channel, the Home tab, a workflow step.
    fake_slack.channels["C0SALES"] = "sales"
    message = fake_slack.post_as_user("C0GENERAL", "U0BOB", "Negotiation for <@U0BOB> <#C0SALES>")
    await message_shortcut(driver, message)
    (opened,) = await fake_slack.wait_for(lambda: fake_slack.calls_to("views.open")[1:])
    await driver.submit(opened.answer["view"]["id"], VALID_FORM)
    await fake_slack.wait_for(lambda: fake_slack.ephemerals)
    await open_home(driver)
    execution = await run_step(driver, {"user": "U0ANN", "title": "x" * 251})
    await fake_slack.wait_for(lambda: fake_slack.executions[execution])
    called = {call.method for call in fake_slack.calls}
    assert {"conversations.info", "chat.postEphemeral", "views.publish"} <= called
    assert "functions.completeError" in called
    assert called - NO_SCOPE <= set(SCOPE_OF_METHOD)


def test_the_shortcuts_carry_the_callback_ids_the_code_registers():
    shortcuts = {s["callback_id"]: s for s in MANIFEST["features"]["shortcuts"]}
    assert set(shortcuts) == {ids.MESSAGE_SHORTCUT, ids.GLOBAL_SHORTCUT}
    assert shortcuts[ids.MESSAGE_SHORTCUT]["type"] == "message"
    assert shortcuts[ids.MESSAGE_SHORTCUT]["name"] == "Create a training from this message"
    assert shortcuts[ids.GLOBAL_SHORTCUT]["type"] == "global"
    assert all(shortcut["description"] for shortcut in shortcuts.values())


def test_the_home_tab_is_on():
    assert MANIFEST["features"]["app_home"]["home_tab_enabled"] is True


def test_the_workflow_step_is_the_function_the_code_runs_with_its_inputs_and_outputs():
    functions = MANIFEST["functions"]
    assert set(functions) == {ids.WORKFLOW_FUNCTION}
    step = functions[ids.WORKFLOW_FUNCTION]
    inputs = step["input_parameters"]["properties"]
    read = {
        workflow_step.USER_INPUT,
        *workflow_step.TEXT_INPUTS,
        *workflow_step.CHOICE_INPUTS,
        *workflow_step.BOOLEAN_INPUTS,
        *workflow_step.ID_INPUTS,
    }
    assert set(inputs) == read
    assert inputs[workflow_step.USER_INPUT]["type"] == "slack#/types/user_id"
    assert all(inputs[name]["type"] == "boolean" for name in workflow_step.BOOLEAN_INPUTS)
    assert all(inputs[name]["type"] == "integer" for name in workflow_step.ID_INPUTS)
    required = set(step["input_parameters"]["required"])
    assert required == {
        workflow_step.USER_INPUT,
        *workflow_step.TEXT_INPUTS,
        "level",
        *workflow_step.BOOLEAN_INPUTS,
    }
    assert required == {name for name, spec in inputs.items() if spec.get("is_required")}
    outputs = step["output_parameters"]["properties"]
    assert set(outputs) == set(workflow_step.OUTPUTS)
    assert outputs["training_id"]["type"] == "integer"
    # Custom steps run on our server and must be deployable to the organization.
    assert MANIFEST["settings"]["function_runtime"] == "remote"
    assert MANIFEST["settings"]["org_deploy_enabled"] is True
