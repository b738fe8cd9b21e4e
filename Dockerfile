# The server's image: built with the .NET SDK, run on the ASP.NET Core runtime as the non-root "app" user (UID 1654)
# with a read-only root file system; its data and policies are volumes. Build where a registry is reachable:
#   docker build -t negociacion-server:0.9.0 .
# The published layout it runs is tested without a container (tests/NegociacionOptimizer.Operations.Tests, Deploy).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/NegociacionOptimizer.Server -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Secrets the server creates (offer signing key, account reference key) when none is configured, the SQLite ledger when
# no PostgreSQL one is configured, and the policies folder (a ConfigMap in Kubernetes): volumes, so the root file system
# stays read-only.
VOLUME ["/data", "/policies"]
# MALLOC_ARENA_MAX: glibc reads it before the runtime starts; one arena per core keeps CP-SAT's native allocations from
# piling up (docs/PERFORMANCE.md, "Server memory").
ENV NEGOCIACION__DATA=/data \
    NEGOCIACION__POLICIES=/policies \
    MALLOC_ARENA_MAX=2
EXPOSE 5080 5081 5082
USER 1654
ENTRYPOINT ["dotnet", "NegociacionOptimizer.Server.dll"]
