"""An embedded emulator of the Lucca Training HTTP API ("the sandbox").

It checks what a real Lucca (an ASP.NET backend) would check, independently of our client, and can
inject the faults a real Lucca shows (error answers, slowness, dropped connections). Start it with
`tools.sandbox.runner.SandboxServer` (background thread) or `serve_forever` (foreground).
"""
