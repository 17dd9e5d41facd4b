# IMA_INIT_LATE_SYNC: the patch series and the harness that proves it.
#
# The pipeline, one script a step (scripts/):
#   deps -> base -> apply -> build -> kunit -> initramfs -> boot -> verify
# and around it: export (work tree -> patches/), submission (signed-off
# form), checkpatch, build-each (bisectability), docs, maintainers,
# scenarios (boot + verify for each line of vm/scenarios), tamper.
#
#   make demo            the kernel with the option, booted with swtpm and
#                        verified; then the deferred-TPM bug, off and on
#   make check           every test of both series, x86_64, the reviewer
#                        gates among them (CI runs this)
#   make check-arm64     both series on arm64: cross build, KUnit and VM
#                        scenarios a-d in QEMU (CI runs this too)
#   make scenarios       boot and verify every VM scenario (SCENARIO=regex)
#   make fuzz            fuzz the verifier's list parser (FUZZ_SECONDS=600)
#   make bench           cost figures (size, boot time, make check's wall
#                        time) of every base, into build/bench-BASE.txt
#   make bench-check     make check's wall time from a fresh clone and after
#                        editing one patch (BENCH_CCACHE=empty: as on a new
#                        machine), into build/bench-check.txt
#   make export          write the work tree's commits back to patches/
#   make submission      the series signed off by you (git config), to send
#
# BASE selects the kernel (bases/*.mk, patches/*/) of the one-base targets;
# default 6.12. check and bench cover every base of BASES. ARCH selects the
# guests' architecture (arches/*.mk): x86_64 (default) or arm64, as in
# 'make demo ARCH=arm64'.

BASE ?= 6.12
BASES ?= 6.12 mainline
ARCH ?= x86_64
export BASE BASES ARCH

S := scripts
step = $(S)/step.sh

.PHONY: all demo check check-arm64 deps base apply export submission checkpatch \
	build build-each kunit docs maintainers initramfs scenarios fuzz bench \
	bench-base bench-check clean

all: demo

deps:
	@$(step) "deps: apt packages" $(S)/deps.sh

base: deps
	@$(step) "base: $(BASE)" $(S)/base.sh

apply: base
	@$(step) "apply: patches/$(BASE)/series" $(S)/apply.sh

export:
	@$(step) "export: work tree -> patches/$(BASE)" $(S)/export.sh

submission:
	@$(step) "submission: signed off by $$(git config user.name)" $(S)/submission.sh

checkpatch: submission
	@$(step) "checkpatch --strict" $(S)/checkpatch.sh build/$(BASE)/submission

build:
	@$(step) "build: IMA_INIT_LATE_SYNC=y" $(S)/build.sh late-sync late-sync kunit
	@$(step) "build: IMA_INIT_LATE_SYNC=n" $(S)/build.sh late late kunit

build-each:
	@$(step) "build: every patch" $(S)/build-each.sh

kunit:
	@$(step) "kunit: IMA_INIT_LATE_SYNC off" $(S)/kunit.sh late
	@$(step) "kunit: IMA_INIT_LATE_SYNC on" $(S)/kunit.sh late-sync CONFIG_IMA_INIT_LATE_SYNC=y

docs:
	@$(step) "docs: Sphinx, security/" $(S)/docs.sh

maintainers:
	@$(step) "maintainers" $(S)/maintainers.sh

initramfs:
	@$(step) "kselftest + initramfs" $(S)/initramfs.sh

SCENARIO ?=
scenarios: build initramfs
	@$(step) "build: deferred TPM probe (test-only), option off" \
		$(S)/build-test-only.sh late-defer late late kunit
	@$(step) "build: deferred TPM probe (test-only), option on" \
		$(S)/build-test-only.sh late-sync-defer late-sync late-sync kunit
	@$(step) "vm: scenarios $(or $(SCENARIO),a-h)" $(S)/scenarios.sh $(if $(SCENARIO),'$(SCENARIO)')

FUZZ_SECONDS ?= 600
fuzz: scenarios
	@$(step) "fuzz: the list parser for $(FUZZ_SECONDS)s" $(S)/fuzz.sh $(FUZZ_SECONDS)

demo: apply
	@$(S)/demo.sh

check:
	@$(S)/check.sh core

check-arm64:
	@$(S)/check.sh arm64

bench:
	@for b in $(BASES); do \
		$(MAKE) --no-print-directory bench-base BASE=$$b || exit 1; \
	done

bench-base: apply
	@$(step) "bench: size and boot-time figures of $(BASE)" $(S)/bench.sh

bench-check:
	@$(step) "bench: make check from a fresh clone, then after editing one patch" \
		$(S)/bench-check.sh

clean:
	rm -rf build
