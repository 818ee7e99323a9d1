#!/usr/bin/env bash
# Run a command as root: directly when we are root, through sudo otherwise.
if [ "$(id -u)" = 0 ]; then exec "$@"; else exec sudo "$@"; fi
