# syntax=docker/dockerfile:1

# Build a static binary; the module and build caches survive between builds.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/youthbot ./cmd/youthbot \
 && mkdir -p /out/data

# Run it as a non-root user in a distroless image; the database lives on /data.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/youthbot /youthbot
COPY --from=build --chown=65532:65532 /out/data /data
USER nonroot:nonroot
# /healthz, /readyz and /metrics (and the webhook, in webhook mode) on 8080;
# `youthbot healthcheck` asks /healthz (distroless has no curl), or the
# control socket beside the database when YOUTHBOT_HTTP is set empty.
ENV YOUTHBOT_DB=/data/youthbot.db \
    YOUTHBOT_HTTP=:8080
EXPOSE 8080
VOLUME /data
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["/youthbot", "healthcheck"]
ENTRYPOINT ["/youthbot"]
CMD ["run"]
