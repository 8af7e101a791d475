# syntax=docker/dockerfile:1
# The Dashboard service alone. Build from the repository root:
#   docker build -f deploy/docker/dashboard.Dockerfile -t d58-dashboard .
# Same binary, settings and command line as the Debian unit deploy/debian/d58-dashboard*.service.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Dashboard/Dashboard.csproj -c Release -o /out

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /out .
# Logs go to stdout (the container runtime keeps them); secrets come as *_FILE from /run/secrets.
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Logging__File=none
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "Dashboard.dll", "worker"]
