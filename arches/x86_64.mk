# x86_64 (the default ARCH): QEMU's pc machine (q35 for the UEFI guests,
# below), TPM on tpm-tis (ISA, at the TIS address; the guest has no ACPI,
# so tpm_tis.force=1 registers it), the host's own busybox-static and
# compiler.
KERNEL_ARCH := x86_64
CROSS_COMPILE :=
VM_CONFIG := x86_64-vm
IMAGE := arch/x86/boot/bzImage
IMAGE_TARGET := bzImage
QEMU := qemu-system-x86_64 -M pc
QEMU_TPM_DEVICE := tpm-tis
CONSOLE := ttyS0
# Added to every guest's kernel command line.
KERNEL_APPEND := tpm_tis.force=1
# Debian's architecture name, for busybox-static; KUnit runs in UML (um).
DEB_ARCH := amd64
KUNIT_ARCH := um
# The byte order of the guest, in which its IMA writes the binary list.
BYTE_ORDER := little
# The UEFI guests (scenarios u-*; kernels.sh uefi): QEMU's q35 machine with
# Debian's OVMF (package ovmf, built with TPM support), its code read-only
# and a fresh copy of its variable store each boot, as pflash; the kernel
# is started through its EFI stub (configs/x86_64-uefi.config), with
# UEFI_APPEND added to KERNEL_APPEND: the kernel has ACPI, which EFI needs
# on x86, but no PCI, without which QEMU's ACPI tables do not load.
UEFI_QEMU := qemu-system-x86_64 -M q35
UEFI_APPEND := acpi=off
UEFI_CODE := /usr/share/OVMF/OVMF_CODE_4M.fd
UEFI_VARS := /usr/share/OVMF/OVMF_VARS_4M.fd
UEFI_CONFIG := x86_64-uefi
