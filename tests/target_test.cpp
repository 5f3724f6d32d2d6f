// Naming targets: a runtime, and how to reach its engine.
#include <boost/test/unit_test.hpp>

#include "fake_process_runner.hpp"
#include "target.hpp"

using namespace harness;

BOOST_AUTO_TEST_SUITE(target)

BOOST_AUTO_TEST_CASE(a_url_is_the_engine_a_name_is_a_context_or_connection) {
  using Env = std::vector<std::pair<std::string, std::string>>;
  BOOST_TEST(parse_target("docker").target.environment().empty());
  BOOST_TEST((parse_target("docker@unix:///run/x.sock").target.environment() == Env{{"DOCKER_HOST", "unix:///run/x.sock"}}));
  BOOST_TEST((parse_target("docker@desktop-linux").target.environment() == Env{{"DOCKER_CONTEXT", "desktop-linux"}}));
  BOOST_TEST((parse_target("podman@unix:///run/p.sock").target.environment() == Env{{"CONTAINER_HOST", "unix:///run/p.sock"}}));
  BOOST_TEST((parse_target("podman@work").target.environment() == Env{{"CONTAINER_CONNECTION", "work"}}));
  BOOST_TEST(parse_target("podman@unix:///run/p.sock").target.name() == "podman@unix:///run/p.sock");
}

BOOST_AUTO_TEST_CASE(bad_targets_say_why) {
  BOOST_TEST(parse_target("rkt").error == "unknown runtime 'rkt' (known: docker, podman)");
  BOOST_TEST(parse_target("docker@").error ==
             "'docker@' names no engine after the @ (an URL like unix:///run/x.sock, or a context name)");
  BOOST_TEST(!parse_target("docker@a=b").error.empty());
}

BOOST_AUTO_TEST_CASE(commands_run_with_the_targets_environment) {
  FakeProcessRunner inner;
  EnvironmentRunner runner(inner, {{"DOCKER_HOST", "unix:///run/x.sock"}});
  runner.run({"docker", "ps"}, "", std::chrono::seconds(1));
  BOOST_TEST(inner.lines() == std::vector<std::string>{"env -- DOCKER_HOST=unix:///run/x.sock docker ps"});
  EnvironmentRunner cleared(inner, {{"DOCKER_CONTEXT", "desk"}}, parse_target("docker@desk").target.cleared());
  cleared.run({"docker", "ps"}, "", std::chrono::seconds(1));
  BOOST_TEST(inner.lines().back() == "env -u DOCKER_HOST -- DOCKER_CONTEXT=desk docker ps");
  EnvironmentRunner plain(inner, {});
  plain.run({"docker", "ps"}, "", std::chrono::seconds(1));
  BOOST_TEST(inner.lines().back() == "docker ps");
}

BOOST_AUTO_TEST_SUITE_END()
