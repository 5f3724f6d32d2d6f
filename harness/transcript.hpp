// Commands as a person would type them, and steps as readable text: shared by the
// reporters so that the console and the JUnit file tell the same story.
#pragma once

#include <string>

#include "results.hpp"
#include "text.hpp"

namespace harness {

// One argument as a shell reads it back: as it is when it holds no special character, else in single quotes.
std::string shell_quote(const std::string& arg);

// One argv as a copy-pasteable shell line (arguments quoted only where needed).
std::string shell_line(const CommandRecord& command);

// A step with its commands, their exit codes and output (made printable and clipped).
std::string step_transcript(const StepRecord& step, std::size_t index);

// "what was checked, what was expected, what was found" for a failed or faulted claim.
std::string claim_explanation(const ScenarioResult& result, const ClaimResult& claim);

// The steps whose time counts for a claim: those after the previous check, up to and
// including the claim's last check.
std::pair<std::size_t, std::size_t> claim_step_range(const ScenarioResult& result, const std::string& claim_id);

// Every line of text with prefix in front of it.
std::string indent(const std::string& text, const std::string& prefix);

// "3 passed, 1 failed, 0 errors", in the run's language.
std::string counts_text(const Tally& tally);

// One sentence, for a person new to containers, on what a failed check means.
std::string what_it_means(const StepRecord& step);

}  // namespace harness
