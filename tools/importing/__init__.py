"""`lucca-training import`: a spreadsheet of trainings, checked whole, then sent through the core.

    readers.py     CSV (any common delimiter and encoding), XLSX (openpyxl), JSON Lines -> rows
    columns.py     headers to Lucca's field names, and the values people type to Lucca's values
    names.py       a provider or a category given by name, resolved through the catalog
    checking.py    every row to a `TrainingDraft` or its errors, and repeats within the file
    sending.py     the valid rows through `Trainings.create`, in waves, stoppable between sends
    stopping.py    Ctrl-C between sends: the pacer's wait, cut short for rows not yet sent
    report.py      each row's outcome, as CSV or JSON
    settings.py    how long a row may wait for its turn (longer than the interactive faces)

Nothing here paces, looks for duplicates in the catalog or settles a lost answer: the core does.
"""
