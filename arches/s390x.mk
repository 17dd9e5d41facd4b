# s390x: QEMU's s390-ccw-virtio machine, the SCLP VT220 console; big-endian,
# and without a TPM, as IBM Z runs IMA. Cross-built with Debian's
# gcc-s390x-linux-gnu; busybox-static of Debian's s390x archive
# (scripts/deps/busybox.sh). make check-full boots the option on and off without
# a TPM (scenarios c), the list in the kernel's byte order and with
# ima_canonical_fmt.
KERNEL_ARCH := s390
CROSS_COMPILE := s390x-linux-gnu-
VM_CONFIG := s390x-vm
IMAGE := arch/s390/boot/bzImage
IMAGE_TARGET := bzImage
QEMU := qemu-system-s390x -M s390-ccw-virtio -cpu qemu
# No TPM device: the guests of this arch boot without one.
QEMU_TPM_DEVICE :=
CONSOLE := ttysclp0
# Added to every guest's kernel command line.
KERNEL_APPEND :=
# Debian's architecture name, for busybox-static; KUnit runs in QEMU.
DEB_ARCH := s390x
KUNIT_ARCH := s390
# The byte order of the guest, in which its IMA writes the binary list
# (ima_canonical_fmt: little-endian, whatever the guest's).
BYTE_ORDER := big
# No UEFI firmware: no boots through it (scenarios u-*).
UEFI_QEMU :=
UEFI_CODE :=
UEFI_VARS :=
