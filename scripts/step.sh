#!/bin/sh
# step.sh NAME CMD...: run one pipeline step, saying what it does and how
# long it took.
name=$1
shift
start=$(date +%s)
printf '==> %s\n' "$name"
if "$@"; then
	printf '<== %s: ok (%ss)\n' "$name" "$(($(date +%s) - start))"
else
	rc=$?
	printf '<== %s: FAILED after %ss (exit %s)\n' "$name" \
		"$(($(date +%s) - start))" "$rc" >&2
	exit "$rc"
fi
