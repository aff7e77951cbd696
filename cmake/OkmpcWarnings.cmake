# Strict warnings for okmpc's own code (not for third-party headers, which are
# included as system headers).
add_library(okmpc_warnings INTERFACE)
target_compile_options(okmpc_warnings INTERFACE -Wall -Wextra -Wpedantic -Werror)
# GCC 12's -O2/-O3 object-size warnings misfire inside libstdc++'s own vector
# and string code (GCC bugs 105329, 105651, 106199); keep them as warnings.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(okmpc_warnings INTERFACE
    -Wno-error=stringop-overread -Wno-error=stringop-overflow -Wno-error=restrict -Wno-error=array-bounds)
endif()

# okmpc_add_layer(NAME DIR LINKS...): one static library per layer, sources
# globbed from DIR (recursively), linked only to the layers given.
function(okmpc_add_layer name dir)
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${dir}/*.cpp)
  if(srcs)
    add_library(${name} STATIC ${srcs})
    target_link_libraries(${name} PUBLIC ${ARGN} PRIVATE okmpc_warnings)
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
    set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  else()
    add_library(${name} INTERFACE)
    target_link_libraries(${name} INTERFACE ${ARGN})
    target_include_directories(${name} INTERFACE ${PROJECT_SOURCE_DIR})
  endif()
endfunction()
