# Fails unless every symbol libokmpc.so exports (nm -D --defined-only,
# demangled) belongs to okmpc::api, and the API is there at all.
# Arguments: -DNM=<nm> -DLIB=<libokmpc.so>
execute_process(COMMAND ${NM} -D --defined-only -C ${LIB}
  OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIB}")
endif()
string(REPLACE "\n" ";" lines "${out}")
set(api 0)
set(foreign "")
foreach(line IN LISTS lines)
  if(line STREQUAL "")
    continue()
  endif()
  # "<address> <type> <name...>"
  if(line MATCHES "^[0-9a-fA-F]+ [A-Za-z] okmpc::api::")
    math(EXPR api "${api} + 1")
  else()
    string(APPEND foreign "  ${line}\n")
  endif()
endforeach()
if(NOT foreign STREQUAL "")
  message(FATAL_ERROR "${LIB} exports symbols outside okmpc::api:\n${foreign}")
endif()
foreach(required "okmpc::api::KeygenParty::create" "okmpc::api::FrostSigner::create"
        "okmpc::api::EcdsaSigner::create" "okmpc::api::KeyShare::open" "okmpc::api::verify_ed25519")
  string(FIND "${out}" "${required}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${LIB} does not export ${required}")
  endif()
endforeach()
message(STATUS "${LIB} exports ${api} symbols, all in okmpc::api")
