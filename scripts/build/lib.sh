# Helpers of the build stage (scripts/build/): make in the kernel tree,
# and what a config did not take of its fragments. Source it after
# scripts/lib.sh.
# shellcheck shell=sh

# kmake ARG...: make in the kernel tree of $BASE for $ARCH, with KCC as the
# compiler (default ccache and the arch's gcc) and KMAKE's extra arguments
# (LLVM=-19, say).
kmake() {
	_cross=$(arch_var CROSS_COMPILE)
	# shellcheck disable=SC2086 # KMAKE is a list of make arguments
	make -C "$TREE" ARCH="$(arch_var KERNEL_ARCH)" CROSS_COMPILE="$_cross" \
		CC="${KCC:-ccache ${_cross}gcc}" ${KMAKE-} -j"$(nproc)" "$@"
}

# fragments_not_taken CONFIG FRAGMENT...: each symbol the fragments set (the
# last to name it wins) that CONFIG does not hold, after a space. With
# ALLOW_UNDEFINED=1, symbols the kernel tree does not define are let through;
# with ALLOW_DROPPED=1, all are.
fragments_not_taken() {
	_cfg=$1
	shift
	awk '
	/^CONFIG_[A-Z0-9_]+=/ { s = $0; sub(/=.*/, "", s); want[s] = $0; next }
	/^# CONFIG_[A-Z0-9_]+ is not set$/ { want[$2] = $0 }
	END { for (s in want) print want[s] }' "$@" | LC_ALL=C sort |
	while IFS= read -r line; do
		case $line in
		'# '*)
			sym=${line#\# }
			sym=${sym%% *}
			grep -q "^$sym=" "$_cfg" || continue
			;;
		*)
			sym=${line%%=*}
			! grep -qxF -- "$line" "$_cfg" || continue
			;;
		esac
		[ "${ALLOW_DROPPED-}" != 1 ] || continue
		if [ "${ALLOW_UNDEFINED-}" = 1 ] &&
			! grep -rqx --include='Kconfig*' "config ${sym#CONFIG_}" "$TREE"; then
			continue
		fi
		printf ' %s' "$sym"
	done
}
