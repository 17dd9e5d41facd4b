#!/bin/sh
# quilt-same-tree.sh: the series of $BASE in the form a Debian kernel
# package carries it (distro-patches.sh), pushed with quilt onto the
# unpacked source (a checkout of commit base), gives the very tree that
# git am gave (branch work): same files, same contents, same modes.
set -eu
. "$(dirname -- "$0")/../lib.sh"

command -v quilt >/dev/null || die "quilt is not installed (make deps)"
out=$BUILD/$BASE/distro
src=$BUILD/$BASE/quilt-source
log=$LOGS/quilt-$BASE.log
"$TOP/scripts/series/distro-patches.sh" "$out"

on_exit 'rm -rf "$src"; git -C "$TREE" worktree prune'
rm -rf "$src"
git -C "$TREE" worktree prune
# Only the files the series touches are checked out (sparse): quilt can
# change no other, and the rest of the tree is the base's, in the index.
# A rename is its two paths; each path is anchored at the top ("/"), as
# sparse-checkout patterns are matched like .gitignore's.
paths=$(git -C "$TREE" diff --no-renames --name-only base work) ||
	die "cannot list the files the series touches"
[ -n "$paths" ] || die "the series changes no file"
git -C "$TREE" worktree add -q -f --no-checkout --detach "$src" base ||
	die "cannot add a worktree of commit base at $src"
printf '%s\n' "$paths" | sed 's#^#/#' | git -C "$src" sparse-checkout set --no-cone --stdin ||
	die "cannot limit $src to the files the series touches"
git -C "$src" checkout -q || die "cannot check out commit base into $src"
cp -R "$out/debian" "$src/debian"
(cd "$src" && QUILT_PATCHES=debian/patches quilt push -a) >"$log" 2>&1 ||
	die "quilt push -a failed on the unpacked source (log: $log)"
git -C "$src" add -A -f --sparse -- . ':!.pc' ':!debian'
ours=$(git -C "$src" write-tree)
want=$(git -C "$TREE" rev-parse 'work^{tree}')
if [ "$ours" != "$want" ]; then
	git -C "$src" diff --stat --cached work >>"$log" 2>&1 || true
	die "quilt's tree differs from git am's (log: $log)"
fi
say "  quilt push -a: $(grep -c . "$out/debian/patches/series") patches, the same tree as git am ($want)"
