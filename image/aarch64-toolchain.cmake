# Cross-build for the Raspberry Pi 4/5 (Debian bookworm arm64) on a Debian amd64 machine:
#   cmake -S . -B build/arm64 --toolchain image/aarch64-toolchain.cmake
# Needs crossbuild-essential-arm64, the :arm64 libraries in image/arm64-build-deps.txt and
# qemu-user-static; image/test-arm64 installs them all, builds and runs the tests under qemu.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
# GCC's notes that passing some structs changed in GCC 10.1 (-Wpsabi) concern linking with code
# built by an older GCC; everything here is built by bookworm's GCC 12.
set(CMAKE_CXX_FLAGS_INIT -Wno-psabi)
# The web console is a server's program, not a kiosk's (CMakeLists.txt: KIOSK_CONSOLE).
set(KIOSK_CONSOLE OFF CACHE BOOL "kiosk-console is not built for the board")
# Debian multiarch: the :arm64 libraries live in /usr/lib/aarch64-linux-gnu beside the amd64 ones;
# CMake takes that directory name (CMAKE_LIBRARY_ARCHITECTURE) from the cross compiler.

# The few :arm64 -dev packages that cannot be co-installed with their amd64 twin (not
# Multi-Arch: same: libunibreak-dev, libgeos-dev) are unpacked by image/test-arm64 into this
# folder instead, with their .pc files pointed at it.
set(KIOSK_ARM64_EXTRA_ROOT "${CMAKE_CURRENT_LIST_DIR}/../build/arm64-extra-root"
    CACHE PATH "the :arm64 packages unpacked beside the system's (image/test-arm64 fills it)")
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES KIOSK_ARM64_EXTRA_ROOT)

# pkg-config reads the arm64 .pc files only: never /usr/lib/pkgconfig or the amd64 ones.
set(PKG_CONFIG_EXECUTABLE aarch64-linux-gnu-pkg-config CACHE FILEPATH "pkg-config for arm64")
set(ENV{PKG_CONFIG_LIBDIR}
    "${KIOSK_ARM64_EXTRA_ROOT}/usr/lib/aarch64-linux-gnu/pkgconfig:${KIOSK_ARM64_EXTRA_ROOT}/usr/lib/pkgconfig:/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# Where find_library, find_path and find_package look: the unpacked packages first, then the
# system (its multiarch folders keep the arm64 files apart). Host programs (python3,
# minisign, msgfmt...) are found natively. The amd64 library folders, and /usr/lib whose
# non-multiarch libraries are amd64 here, are ignored, so a missing :arm64 library fails at
# configure time instead of linking an amd64 one.
set(CMAKE_FIND_ROOT_PATH "${KIOSK_ARM64_EXTRA_ROOT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
list(APPEND CMAKE_IGNORE_PATH /usr/lib/x86_64-linux-gnu /lib/x86_64-linux-gnu /usr/lib /lib)

# Target programs run under qemu-user: CTest's tests, and the demo bundle kiosk-bundle builds
# at build time. (Programs the tests start themselves run through the binfmt_misc handler
# qemu-user-static registers, which image/test-arm64 makes sure of.)
find_program(KIOSK_QEMU_AARCH64 qemu-aarch64-static REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${KIOSK_QEMU_AARCH64}")
