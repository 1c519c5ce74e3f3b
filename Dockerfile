# lucca-training: one HTTP server for /mcp, /slack/events, /healthz, /readyz and /metrics.
#
#   docker build -t lucca-training .
#   docker run -p 8000:8000 --ulimit nofile=65536:65536 --env-file prod.env lucca-training   # serve
#   docker run -i --rm --env-file prod.env lucca-training lucca-training mcp     # stdio MCP
#   docker run --rm --env-file prod.env lucca-training lucca-training slack      # Socket Mode
#
# Open files: a Dockerfile cannot raise them, the run can (--ulimit above; Kubernetes and most
# runtimes give 1048576). `serve` raises its soft limit to the hard one by itself and fits
# HTTP_MAX_CONNECTIONS under what it gets, so a low limit means fewer connections, not an outage.
#
# `serve` listens on 0.0.0.0 here, which it refuses without MCP_AUTH_TOKENS and MCP_ALLOWED_HOSTS
# (see README.md, "Running in a container"). tests/deploy/test_dockerfile.py replays the install
# steps below in a clean virtual environment, since no container engine runs where we build.

# --- builder: a virtual environment with the pinned dependencies and the app, nothing else ---
FROM python:3.11-slim-bookworm AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
RUN python -m venv /opt/venv
# Dependencies first, pinned by constraints.txt (this layer is reused while the pins do not change).
COPY pyproject.toml constraints.txt README.md ./
COPY tools ./tools
COPY bot ./bot
COPY prompts ./prompts
RUN /opt/venv/bin/pip install -c constraints.txt .

# --- runtime: slim Python, the virtual environment, a user without privileges ---
FROM python:3.11-slim-bookworm AS runtime
RUN useradd --system --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin app
COPY --from=builder /opt/venv /opt/venv
# The store (STATE_URL): a SQLite file where the app may write, so a crash of the process loses
# nothing it acknowledged; mount a volume there to keep it across containers, or set STATE_URL to
# a PostgreSQL for several replicas.
ENV PATH="/opt/venv/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    STATE_URL=sqlite:////tmp/lucca-training-state.sqlite3
# Settings come from the environment; a .env file here (the working directory) is read too.
WORKDIR /app
USER 10001:10001
EXPOSE 8000
# slim has no curl: ask /healthz with Python itself (any error, or a non-200, exits non-zero).
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# The default 10 s of `docker stop` is shorter than SHUTDOWN_GRACE_SECONDS: use `docker stop -t 30`.
STOPSIGNAL SIGTERM
CMD ["lucca-training", "serve", "--host", "0.0.0.0", "--port", "8000"]
