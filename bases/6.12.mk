# Linux 6.12 LTS as Debian 12 ships it (bookworm-security).
BASE_PACKAGE := linux-source-6.12
BASE_VERSION := 6.12.117-1~deb12u1
BASE_TARBALL := usr/src/linux-source-6.12.tar.xz
# Extra apt suite needed to download the package; empty: the machine's own.
BASE_SUITE :=
# The initcall(s) IMA starts from, as initcall_debug names them.
IMA_INITCALLS := init_ima
