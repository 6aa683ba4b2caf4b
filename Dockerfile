ARG BASE_IMAGE=python:3.11-slim

# ---- build: a virtualenv in /opt/venv with eventex, its pinned dependencies
# and the spaCy pipeline (a pip package, so nothing is downloaded at run time).
FROM ${BASE_IMAGE} AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN python -m venv /opt/venv

WORKDIR /src

# Dependencies come from pyproject.toml alone, so a code change reuses this
# layer. Wheels only: the final image has no compiler and neither must this one.
COPY pyproject.toml ./
RUN python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" > requirements.txt \
 && /opt/venv/bin/pip install --only-binary=:all: -r requirements.txt

COPY README.md ./
COPY service ./service
# Installed as the package service.migrations (see pyproject.toml).
COPY migrations ./migrations
# pip also byte-compiles, which matters: at run time the venv is read-only.
RUN /opt/venv/bin/pip install --no-deps .

# ---- final: the same base, the virtualenv, a non-root user, /data for SQLite.
FROM ${BASE_IMAGE}

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DATABASE_URL=sqlite:////data/eventex.db

# /data is the only place the service user may write: the database lives there.
RUN groupadd --system --gid 10001 eventex \
 && useradd --system --uid 10001 --gid eventex --home-dir /data --no-create-home \
            --shell /usr/sbin/nologin eventex \
 && mkdir /data \
 && chown eventex:eventex /data

COPY --from=build /opt/venv /opt/venv

USER eventex
WORKDIR /data
VOLUME /data
EXPOSE 8000

# slim images have no curl; python's urllib raises (exit 1) on errors and non-2xx.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/livez', timeout=4)"]

CMD ["sh", "-c", "eventex migrate && exec eventex serve --host 0.0.0.0 --port 8000"]
