#!/bin/sh
# distro-patches.sh OUT [DIR PATCH...]: write the series of $BASE as a
# Debian kernel package carries patches: OUT/debian/patches/series naming
# each patch under features/all/ima-init-late-sync/, each with a DEP-3
# header (Description, Author, Origin, Forwarded, Last-Update) in place of
# the mail headers, and the diff unchanged. Made from the stored series
# alone, so the same patches/ always give the same bytes. With DIR and
# PATCH..., the same for those git format-patch files, under
# debian/patches/DIR ("" for debian/patches itself): how the ima-evm-utils
# patches of verifiers/ima-evm-utils/debian were made. OUT/debian is
# removed first: OUT is a scratch folder, not a package's source.
set -eu
. "$(dirname -- "$0")/../lib.sh"

[ $# -eq 1 ] || [ $# -ge 3 ] || die "usage: distro-patches.sh OUT [DIR PATCH...]"
out=$1
if [ $# -eq 1 ]; then
	dir=features/all/ima-init-late-sync
	list=$(series_patches) || exit 1
	what="patches/$BASE"
else
	dir=$2
	shift 2
	list=$(printf '%s\n' "$@")
	what="the files given"
fi
rm -rf "$out/debian"
mkdir -p "$out/debian/patches/$dir"
for p in $list; do
	name=${p##*/}
	awk -v file="$p" '
		function fail(why) { print "error: " file ": " why > "/dev/stderr"; bad = 1; exit 1 }
		# mail headers: From, Date, Subject (folded)
		!inbody && /^From: / { author = substr($0, 7); next }
		!inbody && /^Date: / { date = substr($0, 7); next }
		!inbody && /^Subject: / { subj = substr($0, 10); insubj = 1; next }
		!inbody && insubj && /^[ \t]/ { sub(/^[ \t]+/, " "); subj = subj $0; next }
		!inbody && /^$/ { inbody = 1; next }
		!inbody { insubj = 0; next }
		# the message, up to the "---" before the diffstat
		inbody == 1 && /^---$/ { inbody = 2; next }
		inbody == 1 { msg[++n] = $0; next }
		# the diff, up to the signature git adds
		inbody == 2 && /^diff --git / { indiff = 1 }
		indiff && /^-- $/ { exit }
		indiff { diff[++d] = $0 }
		END {
			if (bad) exit 1
			if (subj == "" || author == "" || date == "") fail("no From, Date or Subject")
			if (d == 0) fail("no diff")
			sub(/^\[[^]]*\] */, "", subj)
			split(date, w, " ")
			mon = (index("JanFebMarAprMayJunJulAugSepOctNovDec", w[3]) + 2) / 3
			while (n > 0 && msg[n] == "") n--
			print "Description: " subj
			for (i = 1; i <= n; i++) print (msg[i] == "" ? " ." : " " msg[i])
			print "Author: " author
			print "Origin: other"
			print "Forwarded: no"
			printf "Last-Update: %04d-%02d-%02d\n", w[4], mon, w[2]
			print "---"
			for (i = 1; i <= d; i++) print diff[i]
		}
	' "$p" >"$out/debian/patches/$dir/$name" || die "cannot convert $p"
	printf '%s\n' "${dir:+$dir/}$name" >>"$out/debian/patches/series"
done
say "  $(printf '%s\n' "$list" | wc -l) patches of $what in DEP-3 form: $out/debian/patches"
