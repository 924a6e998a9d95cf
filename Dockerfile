# The service, run against an external PostgreSQL given by DATABASE_URL.
#   docker build -t mentoring .
#   docker run -e DATABASE_URL=postgresql://owner:pw@db/mentoring \
#              -e APP_DATABASE_PASSWORD=... -e SECRET_KEY=... -p 8000:8000 mentoring
# `mentoring serve` applies migrations (as the owner in DATABASE_URL) and then serves as the
# unprivileged application role (see README: "Database roles").
FROM python:3.11-slim

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
CMD ["mentoring", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
