#!/bin/sh
# cover-letter.sh description FILE: print the text of a git format-patch
# cover letter that its author wrote (subject, blank line, body), without
# the headers and without the shortlog and diffstat that git adds. This is
# the branch description that export.sh turns back into the same letter.
set -eu
[ "${1-}" = description ] && [ $# -eq 2 ] || {
	echo "usage: cover-letter.sh description FILE" >&2
	exit 2
}
[ -f "$2" ] || { echo "error: no cover letter $2" >&2; exit 1; }
awk '
	# Headers: unfold Subject, drop its [PATCH ...] prefix.
	!inbody && /^Subject: / { subj = substr($0, 10); insubj = 1; next }
	!inbody && insubj && /^[ \t]/ { sub(/^[ \t]+/, " "); subj = subj $0; next }
	!inbody && /^$/ { inbody = 1; sub(/^\[[^]]*\] */, "", subj); print subj; print ""; next }
	!inbody { insubj = 0; next }
	# Body: up to the shortlog git writes ("Author Name (N):").
	/^[^ ].* \([0-9]+\):$/ { exit }
	{ body[++n] = $0 }
	END {
		if (subj == "") { print "error: no Subject in cover letter" > "/dev/stderr"; exit 1 }
		while (n > 0 && body[n] == "") n--
		for (i = 1; i <= n; i++) print body[i]
	}
' "$2"
