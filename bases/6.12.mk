# Linux 6.12 LTS as Debian 12 ships it (bookworm-security).
BASE_PACKAGE := linux-source-6.12
BASE_VERSION := 6.12.117-1~deb12u1
BASE_TARBALL := usr/src/linux-source-6.12.tar.xz
# Extra apt suite needed to download the package; empty: the machine's own.
BASE_SUITE :=
# The initcall(s) IMA starts from, as initcall_debug names them.
IMA_INITCALLS := init_ima
# Who wrote the IMA_INIT_LATE_SYNC that mainline merged (the v6 series,
# https://lore.kernel.org/all/20260605144325.434436-1-yeoreum.yun@arm.com/):
# the Signed-off-by of its three commits (Jonathan McDowell wrote the
# rename to boot_aggregate_late, and signed it with Yeoreum Yun). Cc'd on
# every patch of the series; separated by ";".
SERIES_CC := Yeoreum Yun <yeoreum.yun@arm.com>; Jonathan McDowell <noodles@meta.com>
# The subject prefix of every patch: the series is for distributions' kernels
# on 6.12 LTS, not for mainline (where the option came by another way), nor
# for the stable trees ("PATCH 6.12" alone reads as a stable backport).
SUBJECT_PREFIX := PATCH 6.12-distro
# The series is for the maintainers of distributions' 6.12 kernels, not for
# upstream: each patch goes To the kernel maintainers of the distribution
# whose kernel is the base (the Maintainer of Debian's linux-source-6.12
# package, which maintainers.sh checks against the downloaded .deb), with
# the people and lists of IMA, the subsystem it changes, copied
# (get_maintainer.pl -f of these files).
SERIES_TO := Debian Kernel Team <debian-kernel@lists.debian.org>
UPSTREAM_CC_FILES := security/integrity/ima/
