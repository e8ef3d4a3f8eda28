# ctest fixture: configures and builds the libFuzzer project in fuzz/ with
# clang++. Run as: cmake -DSOURCE=... -DBINARY=... -DCXX=... -P fuzz_build.cmake
execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${SOURCE} -B ${BINARY} -G Ninja
          -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=RelWithDebInfo
  RESULT_VARIABLE configured)
if(NOT configured EQUAL 0)
  message(FATAL_ERROR "configuring the fuzz targets failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY} -j 2
                RESULT_VARIABLE built)
if(NOT built EQUAL 0)
  message(FATAL_ERROR "building the fuzz targets failed")
endif()
# Where each target keeps the inputs it found (libFuzzer needs the folder).
file(MAKE_DIRECTORY ${BINARY}/found-ingest ${BINARY}/found-text)
