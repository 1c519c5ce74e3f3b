"""Composition: what opens the process's one Lucca connection and puts the faces together.

Only entry points (the CLI commands) call this, and only this imports several faces: the core and
each face stay unaware of one another.

    lucca_connection   settings -> the process's one `Trainings` (a real account or the sandbox)
    serve_app          the combined HTTP app of `lucca-training serve`: /mcp, /slack/events, probes
"""
