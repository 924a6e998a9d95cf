# One image for the API and the worker, run against an external PostgreSQL (DATABASE_URL).
#   docker build -t mentoring .
#   docker run -e DATABASE_URL=postgresql://owner:pw@db/mentoring \
#              -e APP_DATABASE_PASSWORD=... -e SECRET_KEY=... -p 8000:8000 mentoring
#   docker run ... mentoring mentoring worker      # the background work on its own
# `mentoring serve` applies migrations (as the owner in DATABASE_URL), gives the application
# role APP_DATABASE_PASSWORD, then serves as that unprivileged role (README: "Database
# roles"). It also runs the background work (BACKGROUND_WORK=false when workers do).
# One process per container: scale with replicas (compose.yaml); their rate limits need a
# shared RATE_LIMIT_STORAGE (redis://...).
# The base image is an argument so a build can take it from a registry mirror or a locally
# built image (docs/operations.md: "Building without Docker Hub").
ARG PYTHON_IMAGE=python:3.11-slim
FROM ${PYTHON_IMAGE}

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    ENVIRONMENT=production

WORKDIR /srv/mentoring
RUN useradd --system --uid 10001 mentoring

COPY pyproject.toml requirements.lock README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
RUN pip install -c requirements.lock -e . && chown -R mentoring /srv/mentoring

USER mentoring
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c \
    "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz')"
# SIGTERM drains: in-flight requests finish (up to 20 s), then the background job in hand.
# Give it longer than Docker's default 10 s before SIGKILL: `docker stop -t 30`,
# compose's stop_grace_period, Kubernetes' terminationGracePeriodSeconds.
STOPSIGNAL SIGTERM
CMD ["mentoring", "serve", "--host", "0.0.0.0", "--port", "8000"]
