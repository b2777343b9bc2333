# Pizarra in a container: Python 3.11, CPU-only PyTorch, a non-root user, Streamlit on port 8501.
# Build: docker build -t pizarra .   Run: docker run -p 8501:8501 pizarra
# Several replicas behind nginx: deploy/compose.yaml or deploy/k8s/ (see docs/deploy.md).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIZARRA_DATA_DIR=/data

WORKDIR /app

# The CPU-only torch/torchvision builds (+cpu) exist only on PyTorch's CPU index; every other pin
# in requirements.txt is found on PyPI. Pinning the +cpu versions makes pip take them from that
# index and nothing else (no CUDA libraries, ~200 MB instead of several GB).
COPY requirements.txt ./
RUN grep -v -e '^--extra-index-url' -e '^torch' requirements.txt > /tmp/requirements.notorch.txt \
    && pip install --extra-index-url https://download.pytorch.org/whl/cpu \
        -r /tmp/requirements.notorch.txt torch==2.14.1+cpu torchvision==0.29.1+cpu \
    && rm /tmp/requirements.notorch.txt

RUN useradd --create-home --uid 10001 pizarra \
    && mkdir /data && chown pizarra /data
COPY --chown=pizarra . .
USER 10001

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"]
# Replicas behind a proxy need one cookie secret: set STREAMLIT_SERVER_COOKIE_SECRET on each.
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.address", "0.0.0.0", \
     "--server.port", "8501", "--server.headless", "true", "--server.fileWatcherType", "none"]
