#define BOOST_TEST_MODULE harness unit tests
#include <boost/test/unit_test.hpp>
