// Values that reach a runtime's command line: image references, runtime names, and the
// fields of a `--volume` value.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "command_values.hpp"

using namespace harness;

BOOST_AUTO_TEST_SUITE(command_values)

BOOST_AUTO_TEST_CASE(fields_of_a_value) {
  BOOST_TEST(fields("v:/d:ro", ':') == (std::vector<std::string>{"v", "/d", "ro"}));
  BOOST_TEST(fields("", ',') == (std::vector<std::string>{""}));
  BOOST_TEST(fields("a,,b,", ',') == (std::vector<std::string>{"a", "", "b", ""}));
}

BOOST_AUTO_TEST_CASE(image_references_as_the_runtimes_read_them) {
  for (const std::string image : std::initializer_list<std::string>{
           "alpine", "alpine:latest", "harness-busybox:1", "library/alpine:3.18", "docker.io/library/alpine", "localhost/app",
           "localhost:5000/team/app:1.2", "registry.example.com/a__b/c-d/e.f:v1_2-3",
           "quay.io/podman/hello@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
           "alpine:3@sha256:0123456789abcdef0123456789abcdef"}) {
    BOOST_TEST(is_image_reference(image), image);
  }
  for (const std::string image : std::initializer_list<std::string>{"",
                                                                    "-v",
                                                                    "--privileged",
                                                                    "--volume=/:/host",
                                                                    "Alpine",
                                                                    "alpine:",
                                                                    ":tag",
                                                                    "alpine@",
                                                                    "alpine@sha256:12",
                                                                    "alpine latest",
                                                                    "a/b/",
                                                                    "/alpine",
                                                                    "a//b",
                                                                    "-alpine",
                                                                    "alpine-",
                                                                    "a..b",
                                                                    "a___b",
                                                                    "alpine:-x",
                                                                    "alpine:.x",
                                                                    "{image}",
                                                                    "{volume}",
                                                                    "reg istry/a",
                                                                    "registry.example.com:x/a",
                                                                    "registry.-example.com/a",
                                                                    "[::1]:5000/a",
                                                                    "alpine\n",
                                                                    "alpine;id",
                                                                    "$(id)",
                                                                    std::string(300, 'a'),
                                                                    "alpine:" + std::string(129, 't')}) {
    BOOST_TEST(!is_image_reference(image), image);
  }
}

BOOST_AUTO_TEST_CASE(runtime_names) {
  for (const std::string name : {"a", "todo-database", "Todo.App", "harness-1a2b3c4d-0-my_volume", "0x"})
    BOOST_TEST(is_runtime_name(name), name);
  for (const std::string name : std::initializer_list<std::string>{"", "-v", ".", "..", "_a", "a/b", "a b", "a:b", "a,b",
                                                                   "{volume}", "é", std::string(129, 'a')})
    BOOST_TEST(!is_runtime_name(name), name);
}

BOOST_AUTO_TEST_CASE(a_volume_flag_mount_holds_no_colon_or_comma) {
  Mount m;
  m.flag = Mount::Flag::Volume;
  m.target = "/mnt/bound `touch /tmp/pwned`; && 日本";
  BOOST_TEST(volume_flag_error(m) == "");
  m.target = "/etc:/h";
  BOOST_TEST(volume_flag_error(m) ==
             "target '/etc:/h' holds a ':' or ',', which --volume would read as more fields: use flag=\"mount\"");
  m.target = "/x,ro";
  BOOST_TEST(volume_flag_error(m) ==
             "target '/x,ro' holds a ':' or ',', which --volume would read as more fields: use flag=\"mount\"");
  m.target = "/x";
  m.path = "a:/etc";
  BOOST_TEST(volume_flag_error(m) ==
             "path 'a:/etc' holds a ':' or ',', which --volume would read as more fields: use flag=\"mount\"");
  m.flag = Mount::Flag::Mount;  // --mount quotes its fields
  m.target = "/etc:/h,src=/";
  BOOST_TEST(volume_flag_error(m) == "");
}

BOOST_AUTO_TEST_SUITE_END()
