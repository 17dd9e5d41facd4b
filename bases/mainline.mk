# Mainline Linux 7.3 as Debian ships it (trixie-backports), which already
# carries an upstream form of IMA_INIT_LATE_SYNC. The suite is reached
# through private apt lists (scripts/deps/apt-suite.sh): nothing on the machine
# is installed or upgraded from it.
BASE_PACKAGE := linux-source-7.3
BASE_VERSION := 7.3.4-1~bpo13+1
BASE_TARBALL := usr/src/linux-source-7.3.tar.xz
BASE_SUITE := trixie-backports
# The initcalls IMA starts from, as initcall_debug names them: the LSM
# framework's late hooks (late_initcall; late_initcall_sync with the option).
IMA_INITCALLS := security_initcall_late security_initcall_late_sync
# Added to the arch's guest fragment: what only this base has.
VM_CONFIG := mainline-vm
# Who wrote the IMA_INIT_LATE_SYNC that mainline merged (the v6 series,
# https://lore.kernel.org/all/20260605144325.434436-1-yeoreum.yun@arm.com/):
# the Signed-off-by of its three commits (Jonathan McDowell wrote the
# rename to boot_aggregate_late, and signed it with Yeoreum Yun). Cc'd on
# every patch of the series; separated by ";".
SERIES_CC := Yeoreum Yun <yeoreum.yun@arm.com>; Jonathan McDowell <noodles@meta.com>
# The subject prefix of every patch.
SUBJECT_PREFIX := PATCH
