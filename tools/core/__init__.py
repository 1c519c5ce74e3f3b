"""The validation-and-POST core every face calls; it knows nothing about MCP, Slack or the CLI.

intake.accept_draft     a face's mapping -> `TrainingDraft`, or `InvalidDraft` (reported)
trainings.Trainings     the one entry per process: create, preview, and `catalog` reads
catalog_titles          which trainings already carry a title (turns, memory, batched lookups)
catalog                 search, one training by id, the providers and categories in use
pager                   every list read: Lucca's cursors followed to a bound, saying why it stopped
client                  `LuccaClient`: send once -> retries -> status to error
lucca_statuses          Lucca's statuses as errors; `Retry-After`
errors                  the error tree, with structured details
draft / spec / result   the model, the spec-derived schema, what faces answer with
pacing / events         the tenant's budget; what the core reports as it works
"""
