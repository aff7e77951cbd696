# Compiles every public header on its own (a translation unit that includes
# only it) with the strict flags a consumer may use.
# Arguments: -DCXX=<compiler> -DINCLUDE_DIR=<repo>/include -DWORK_DIR=<scratch dir>
file(GLOB headers RELATIVE ${INCLUDE_DIR} ${INCLUDE_DIR}/okmpc/*.hpp)
if(NOT headers)
  message(FATAL_ERROR "no public headers under ${INCLUDE_DIR}/okmpc")
endif()
file(MAKE_DIRECTORY ${WORK_DIR})
foreach(h IN LISTS headers)
  string(MAKE_C_IDENTIFIER ${h} id)
  set(src ${WORK_DIR}/${id}.cpp)
  file(WRITE ${src} "#include \"${h}\"\n#include \"${h}\"\nint main() { return 0; }\n")
  execute_process(
    COMMAND ${CXX} -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I${INCLUDE_DIR} ${src}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${CXX}: ${h} does not compile on its own:\n${out}${err}")
  endif()
endforeach()
list(LENGTH headers count)
message(STATUS "${CXX}: ${count} public headers compile with -std=c++20 -Wall -Wextra -Wpedantic -Werror")
