# x86_64 (the default ARCH): QEMU's pc machine (q35 for the boots through
# UEFI firmware, below), TPM on tpm-tis (ISA, at the TIS address; the
# guest's ACPI is off, so tpm_tis.force=1 registers it), the host's own
# busybox-static and compiler.
KERNEL_ARCH := x86_64
CROSS_COMPILE :=
VM_CONFIG := x86_64-vm
IMAGE := arch/x86/boot/bzImage
IMAGE_TARGET := bzImage
QEMU := qemu-system-x86_64 -M pc
QEMU_TPM_DEVICE := tpm-tis
CONSOLE := ttyS0
# Added to every guest's kernel command line: the guest has ACPI only
# because EFI needs it (configs/x86_64-vm.config).
KERNEL_APPEND := tpm_tis.force=1 acpi=off
# Debian's architecture name, for busybox-static; KUnit runs in UML (um).
DEB_ARCH := amd64
KUNIT_ARCH := um
# The byte order of the guest, in which its IMA writes the binary list.
BYTE_ORDER := little
# Boots through UEFI firmware (scenarios u-*: "uefi:KERNEL"): QEMU's q35
# machine with Debian's OVMF (package ovmf, built with TPM support), its
# code read-only and a fresh copy of its variable store each boot, as
# pflash; the kernel is started through its EFI stub.
UEFI_QEMU := qemu-system-x86_64 -M q35
UEFI_CODE := /usr/share/OVMF/OVMF_CODE_4M.fd
UEFI_VARS := /usr/share/OVMF/OVMF_VARS_4M.fd
