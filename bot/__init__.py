"""The Slack face: /training-create opens a modal that creates the training through the core."""
