# Installs the current build tree's okmpc into a fresh temporary prefix,
# builds examples/embed (a separate CMake project) against it with
# find_package(okmpc CONFIG REQUIRED), and runs it; also checks that okmpc.pc
# resolves. The example is built twice: against libokmpc.so and libokmpc.a.
# A sanitized (Debug) build installs a package whose targets carry the
# sanitizer link flags, so the example is linked the same way.
# Arguments: -DBUILD_DIR -DSOURCE_DIR -DWORK_DIR -DGENERATOR -DCXX
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run("install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
foreach(f include/okmpc/okmpc.hpp)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "install is missing ${f}")
  endif()
endforeach()
file(GLOB_RECURSE installed_headers RELATIVE ${prefix} ${prefix}/include/*)
foreach(h IN LISTS installed_headers)
  if(NOT h MATCHES "^include/okmpc/[a-z_]+\\.hpp$")
    message(FATAL_ERROR "install has a header outside the public API: ${h}")
  endif()
endforeach()
file(GLOB_RECURSE shared ${prefix}/lib*/libokmpc.so)
file(GLOB_RECURSE static ${prefix}/lib*/libokmpc.a)
file(GLOB_RECURSE pc ${prefix}/lib*/pkgconfig/okmpc.pc)
file(GLOB_RECURSE config ${prefix}/lib*/cmake/okmpc/okmpcConfig.cmake)
if(NOT shared OR NOT static OR NOT pc OR NOT config)
  message(FATAL_ERROR "install is missing libokmpc.so, libokmpc.a, okmpc.pc or okmpcConfig.cmake")
endif()

find_program(PKG_CONFIG pkg-config)
if(PKG_CONFIG)
  get_filename_component(pc_dir ${pc} DIRECTORY)
  set(ENV{PKG_CONFIG_PATH} ${pc_dir})
  run("pkg-config" ${PKG_CONFIG} --cflags --libs okmpc)
  run("pkg-config" ${PKG_CONFIG} --variable=includedir okmpc)
  string(STRIP "${last_output}" pc_include)
  run("pkg-config" ${PKG_CONFIG} --variable=libdir okmpc)
  string(STRIP "${last_output}" pc_lib)
  if(NOT EXISTS ${pc_include}/okmpc/okmpc.hpp OR NOT EXISTS ${pc_lib}/libokmpc.so)
    message(FATAL_ERROR "okmpc.pc does not point at the install: ${pc_include} ${pc_lib}")
  endif()
endif()

foreach(kind shared static)
  if(kind STREQUAL "static")
    set(static_flag ON)
  else()
    set(static_flag OFF)
  endif()
  set(dir ${WORK_DIR}/example-${kind})
  run("configure the example (${kind})" ${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/embed -B ${dir}
    -G ${GENERATOR} -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_PREFIX_PATH=${prefix}
    -DOKMPC_EXAMPLE_STATIC=${static_flag})
  run("build the example (${kind})" ${CMAKE_COMMAND} --build ${dir})
  run("run the example (${kind})" ${dir}/okmpc_embed_example)
  message(STATUS "example output (${kind} libokmpc):\n${last_output}")
  if(NOT last_output MATCHES "FROST Ed25519 signature verified by libsodium" OR
     NOT last_output MATCHES "threshold ECDSA signature verified by libsecp256k1")
    message(FATAL_ERROR "the example (${kind}) did not report both verified signatures")
  endif()
endforeach()
file(REMOVE_RECURSE ${WORK_DIR})
