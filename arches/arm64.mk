# arm64: QEMU's virt machine with a Cortex-A57, TPM on tpm-tis-device
# (MMIO, found through the device tree: the kernel's tpm_tis platform
# driver), cross-built with Debian's gcc-aarch64-linux-gnu; busybox-static
# of Debian's arm64 archive (scripts/deps/busybox.sh).
KERNEL_ARCH := arm64
CROSS_COMPILE := aarch64-linux-gnu-
VM_CONFIG := arm64-vm
IMAGE := arch/arm64/boot/Image
IMAGE_TARGET := Image
QEMU := qemu-system-aarch64 -M virt -cpu cortex-a57
QEMU_TPM_DEVICE := tpm-tis-device
CONSOLE := ttyAMA0
# Added to every guest's kernel command line.
KERNEL_APPEND :=
# Debian's architecture name, for busybox-static; KUnit runs in QEMU.
DEB_ARCH := arm64
KUNIT_ARCH := arm64
# The byte order of the guest, in which its IMA writes the binary list.
BYTE_ORDER := little
# Boots through UEFI firmware (scenarios u-*: "uefi:KERNEL"): the same
# machine with Debian's AAVMF (package qemu-efi-aarch64, built with TPM
# support), its code read-only and a fresh copy of its variable store each
# boot, as pflash; the kernel is started through its EFI stub.
# acpi=off: with ACPI tables AAVMF installs those alone, and the EFI stub,
# finding no device tree, makes an empty one; without, it hands the kernel
# QEMU's device tree.
UEFI_QEMU := qemu-system-aarch64 -M virt,acpi=off -cpu cortex-a57
UEFI_CODE := /usr/share/AAVMF/AAVMF_CODE.fd
UEFI_VARS := /usr/share/AAVMF/AAVMF_VARS.fd
