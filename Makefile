# IMA_INIT_LATE_SYNC: the patch series and the harness that proves it.
#
# The pipeline, one script a step (scripts/):
#   deps -> base -> apply -> build -> kunit -> initramfs -> boot -> verify
# docs/harness.md maps every step: what it reads, what it leaves in build/.
#
#   make demo            the kernel with the option, booted with swtpm and
#                        verified; then the deferred-TPM bug, off and on;
#                        then its price: firmware loaded in the window
#   make check           every test a reviewer needs, both series, x86_64
#                        (CI runs this)
#   make check-full      make check plus kunit.py on UML, coccicheck, the
#                        config matrix, clang-19 with KASAN + UBSAN, a
#                        guest without IMA, randconfig, arm64 (AAVMF too) and
#                        s390x (big-endian, no TPM); in pieces with BASES=
#                        and ARCHES=
#                        (ARCH=s390x alone: that arch's part); what passed
#                        is not run again
#   make kunit           IMA's KUnit suite with kunit.py (UML), option off, on
#   make scenarios       boot and verify VM scenarios (SCENARIO=regex)
#   make fuzz            fuzz the verifier's list parser (FUZZ_SECONDS=600)
#   make bench           cost figures (size, boot time) into build/bench-BASE.txt
#   make bench-uefi      boot times of the UEFI guests (firmware to kernel,
#                        kernel to IMA's first record) of ARCH
#   make bench-check     make check's wall time from a fresh clone and after
#                        editing one patch (BENCH_CCACHE=empty: a new machine)
#   make export          write the work tree's commits back to patches/
#   make submission      the series signed off by you (git config), to send
#   make distro-patches  the series as a Debian kernel package carries it
#                        (DEP-3 headers, quilt series) in build/BASE/distro
#   make verifiers-ima-evm-utils  Debian's ima-evm-utils with
#                        verifiers/ima-evm-utils: built, its boot aggregate
#                        tests; make scenarios EVMCTL=$(CURDIR)/build/
#                        verifiers/ima-evm-utils/src/src/evmctl then checks
#                        each list with it too (make check does both)
#   make verifiers-keylime KEYLIME_SRC=DIR  Keylime (a clone of its
#                        repository) with verifiers/keylime, its tests, then
#                        its policy tool and verifier on the lists of make
#                        check (verifiers/README.md)
#
# BASE selects the kernel (bases/*.mk, patches/*/) of the one-base targets;
# default 6.12. BASES lists those of check, check-full and bench. ARCH
# selects the guests' architecture (arches/*.mk): x86_64 (default), arm64 or
# s390x.

BASE ?= 6.12
BASES ?= 6.12 mainline
ARCH ?= x86_64
# check-full's arches: all, or the one ARCH given on the command line
ARCHES ?= $(if $(filter command line,$(origin ARCH)),$(ARCH),x86_64 arm64 s390x)
export BASE BASES ARCH ARCHES

S := scripts
step = $(S)/step.sh
# the apt packages (deps.sh groups) of the guests of $(ARCH)
GUEST_DEPS := $(strip guest $(filter-out x86_64,$(ARCH)))
deps = @$(step) "deps: apt packages ($(1))" $(S)/deps/deps.sh $(1)

.PHONY: all demo check check-full deps base apply tree export submission \
	checkpatch build build-each kunit docs maintainers initramfs scenarios \
	fuzz bench bench-base bench-uefi bench-check distro-patches verifiers-ima-evm-utils \
	verifiers-keylime clean

all: demo

deps:
	$(call deps,guest check full arm64 s390x)

base:
	$(call deps,$(GUEST_DEPS))
	@$(step) "base: $(BASE)" $(S)/tree/base.sh

apply: base
	@$(step) "apply: patches/$(BASE)/series" $(S)/tree/apply.sh

# the tree the one-base targets work on: the base with the series applied,
# or with the commits the developer has not exported yet
tree: base
	@$(step) "apply: patches/$(BASE)/series, if not yet" $(S)/tree/apply.sh --if-needed

export:
	@$(step) "export: work tree -> patches/$(BASE)" $(S)/tree/export.sh

distro-patches:
	@$(step) "distro: patches/$(BASE) in DEP-3 form" \
		$(S)/series/distro-patches.sh build/$(BASE)/distro

submission: tree
	@$(step) "submission: signed off by $$(git config user.name)" $(S)/series/submission.sh

checkpatch: submission
	$(call deps,check)
	@$(step) "checkpatch --strict" $(S)/series/checkpatch.sh build/$(BASE)/submission

build: tree
	@$(step) "build: guest kernels, IMA_INIT_LATE_SYNC on and off" $(S)/build/kernels.sh guest

build-each: tree
	$(call deps,check)
	@$(step) "build: every patch" $(S)/build/build-each.sh

kunit: tree
	@$(step) "kunit: IMA_INIT_LATE_SYNC off" $(S)/kunit/kunit.sh option-off
	@$(step) "kunit: IMA_INIT_LATE_SYNC on" $(S)/kunit/kunit.sh option-on CONFIG_IMA_INIT_LATE_SYNC=y

docs: tree
	$(call deps,check)
	@$(step) "docs: Sphinx, security/" $(S)/build/docs.sh

maintainers: tree
	@$(step) "maintainers" $(S)/series/maintainers.sh

initramfs: tree
	@$(step) "kselftest + initramfs" $(S)/vm/initramfs.sh

SCENARIO ?=
scenarios: build initramfs
	@$(step) "build: guest kernels with a deferred TPM probe (test-only)" \
		$(S)/build/kernels.sh deferred
	@$(step) "vm: scenarios $(or $(SCENARIO),the default set: all but i, or those without a TPM)" $(S)/vm/scenarios.sh $(if $(SCENARIO),'$(SCENARIO)')

FUZZ_SECONDS ?= 600
fuzz: scenarios
	$(call deps,check)
	@$(step) "fuzz: the list parser for $(FUZZ_SECONDS)s" $(S)/kselftest/fuzz.sh $(FUZZ_SECONDS)

demo: tree
	@$(S)/vm/demo.sh

check:
	@$(S)/check/check.sh check

check-full:
	@$(S)/check/check.sh full

bench:
	@for b in $(BASES); do \
		$(MAKE) --no-print-directory bench-base BASE=$$b || exit 1; \
	done

bench-base: tree
	@$(step) "bench: size and boot-time figures of $(BASE)" $(S)/bench/bench.sh

bench-uefi: tree
	@$(step) "bench: boot times of the UEFI guests of $(BASE), $(ARCH)" $(S)/bench/uefi.sh

bench-check:
	@$(step) "bench: make check from a fresh clone, then after editing one patch" \
		$(S)/bench/check.sh

verifiers-ima-evm-utils:
	$(call deps,guest check)
	@$(step) "verifiers: ima-evm-utils (Debian's source) with verifiers/ima-evm-utils" \
		$(S)/verifiers/ima-evm-utils.sh

# Keylime is no Debian package and CI cannot fetch it: outside make check.
verifiers-keylime:
	$(call deps,keylime)
	@$(step) "verifiers: Keylime with verifiers/keylime, on the lists of $(BASE)" \
		$(S)/verifiers/keylime.sh

clean:
	rm -rf build
