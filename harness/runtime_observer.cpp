#include "runtime_observer.hpp"

#include <sstream>
#include <stdexcept>
#include <utility>

#include "step_errors.hpp"
#include "text.hpp"

namespace harness {

namespace {

constexpr std::size_t kContentLimit = 1 << 20;  // as much as HostFiles reads of a file
constexpr std::size_t kListed = 20;             // archive entries shown in the transcript
const std::string kRoot = "/v";                 // where a helper mounts its volume
const std::string kLayer = "container:";        // layer_of(): container:<name>@<id>
}  // namespace

bool is_runtime_layer(const std::string& folder) { return folder.rfind(kLayer, 0) == 0; }

namespace {
const std::string kNote = " (read through the runtime)";

void note(StepRecord& record) {
  if (record.summary.find(kNote) == std::string::npos) record.summary += kNote;
}

// "a//./b" -> {"a", "b"}. A ".." is never resolved: it could only lead out of the place.
std::vector<std::string> parts_of(const std::string& path) {
  std::vector<std::string> parts;
  std::istringstream in(path);
  for (std::string part; std::getline(in, part, '/');) {
    if (part.empty() || part == ".") continue;
    if (part == "..") throw StepFault{quote(path) + " has a \"..\" in it: not used"};
    parts.push_back(part);
  }
  if (parts.empty()) throw StepFault{quote(path) + " names no file"};
  return parts;
}

const TarEntry* entry(const std::vector<TarEntry>& entries, const std::string& name) {
  const TarEntry* found = nullptr;
  for (const auto& e : entries)
    if (e.name == name) found = &e;  // a later entry of the same name replaces an earlier one
  return found;
}

bool anything_below(const std::vector<TarEntry>& entries, const std::string& name) {
  for (const auto& e : entries)
    if (e.name.rfind(name + "/", 0) == 0) return true;
  return false;
}

// A file as an entry shows it, in HostFiles' words for what is not a regular file.
Observed observed(const std::vector<TarEntry>& entries, const TarEntry& e) {
  switch (e.kind) {
    case TarEntry::Kind::File: return {true, e.content, e.uid};
    case TarEntry::Kind::Folder: return {true, "", e.uid};
    case TarEntry::Kind::Symlink: return {true, "(a symlink, not followed)", e.uid};
    case TarEntry::Kind::Other: return {true, "(not a regular file)", e.uid};
    case TarEntry::Kind::HardLink: {
      const TarEntry* target = entry(entries, e.link);
      if (!target || target->kind != TarEntry::Kind::File)
        throw StepFault{"the runtime's archive has a hard link " + quote(e.name) + " to " + quote(e.link) +
                        ", which it does not hold"};
      return {true, target->content, e.uid};
    }
  }
  return {};
}

// What an archive holds at parts[0]/parts[1]/...: absent only when the archive shows the
// folders on the way and not the file; a symlink or a file on the way is a fault.
Observed look_up(const std::vector<TarEntry>& entries, const std::vector<std::string>& parts, const std::string& path) {
  std::string name;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    name += (i ? "/" : "") + parts[i];
    const TarEntry* e = entry(entries, name);
    const bool last = i + 1 == parts.size();
    if (!e && anything_below(entries, name)) {
      if (last) throw StepFault{"the runtime's archive holds files below " + quote(name) + " but no entry for it"};
      continue;  // a folder the archive names only through what is in it
    }
    if (!e) return {};
    if (last) return observed(entries, *e);
    if (e->kind == TarEntry::Kind::Symlink)
      throw StepFault{quote(path) + " goes through a symlink (" + quote(name) + " -> " + quote(e->link) + "): not followed"};
    if (e->kind != TarEntry::Kind::Folder)
      throw StepFault{quote(path) + " goes through " + quote(name) + ", which is not a folder"};
  }
  return {};
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += "/" + p;
  return out;
}

}  // namespace

RuntimeReads runtime_reads_for(const Dialect& dialect) {
  return dialect.cp_keeps_owners ? RuntimeReads::Copy : RuntimeReads::Export;
}

RuntimeObserver::RuntimeObserver(RuntimeCalls& calls, HostFiles& files, Ledger& ledger, HelperSpec helpers,
                                 std::optional<RuntimeReads> reads)
    : calls_(calls),
      host_(calls, files),
      ledger_(ledger),
      spec_(std::move(helpers)),
      reads_(reads.value_or(runtime_reads_for(calls.cli().dialect()))) {
  if (reads_ == RuntimeReads::Copy && runtime_reads_for(calls.cli().dialect()) == RuntimeReads::Export)
    throw std::invalid_argument(calls.cli().dialect().name + "'s cp does not keep owners or symlinks: it reads by export");
}

Observed RuntimeObserver::in_container(StepRecord& record, const std::string& container, const std::string& path) {
  return host_.in_container(record, container, path);
}

Observed RuntimeObserver::in_volume(StepRecord& record, const std::string& volume, const std::string& path) {
  const auto parts = parts_of(path);
  note(record);
  return reads_ == RuntimeReads::Copy ? copy_from_volume(record, volume, parts) : export_volume(record, volume, parts);
}

Observed RuntimeObserver::in_folder(StepRecord& record, const std::string& folder, const std::string& path) {
  if (folder.rfind(kLayer, 0) == 0) return in_layer(record, folder, path);
  return host_.in_folder(record, folder, path);  // a folder the harness made: the engine sees it at the same path
}

std::string RuntimeObserver::layer_of(StepRecord& record, const std::string& container) {
  const auto& r = calls_.must(record, calls_.cli().container_inspect(container, "{{.Id}}"));
  const std::string id = first_line(r.out);
  if (id.empty() || id.find_first_not_of("0123456789abcdef") != std::string::npos)
    throw StepFault{"container inspect gave no id for " + container + ": " + quote(r.out)};
  note(record);
  // the id, not the name: a container made later under the same name has another layer
  return kLayer + container + "@" + id;
}

// The archive a command writes on stdout, parsed; its record keeps a listing instead of
// the bytes (readable in a report, and not a copy of a whole volume in memory).
std::vector<TarEntry> RuntimeObserver::archive(StepRecord& record, const Argv& argv, const std::string& what) {
  const auto& r = calls_.call(record, argv);
  if (!r.ok()) throw StepFault{what + " failed: " + calls_.failure(r)};
  return parse(record, what);
}

std::vector<TarEntry> RuntimeObserver::parse(StepRecord& record, const std::string& what) {
  std::string& out = record.commands.back().result.out;
  std::vector<TarEntry> entries;
  try {
    entries = read_tar(out, kContentLimit);
  } catch (const std::runtime_error& e) {
    throw StepFault{what + ": the runtime's answer is not a tar archive the harness can read: " + e.what()};
  }
  out = describe_tar(entries, out.size(), kListed);
  return entries;
}

// `cp`'s "it is not there" (Docker: "Could not find the file /v/x in container h";
// Podman: "\"/v/x\" could not be found on container h"), about the path it was asked for.
bool RuntimeObserver::not_found(const ProcessResult& r, const std::string& path) const {
  if (!r.ran() || calls_.is_fault(r) || r.ok()) return false;
  const std::string err = lower(r.err);
  return (err.find("could not find the file") != std::string::npos || err.find("could not be found") != std::string::npos) &&
         r.err.find(path) != std::string::npos;
}

RuntimeObserver::Helper& RuntimeObserver::helper(StepRecord& record, const std::string& volume) {
  const auto known = helpers_.find(volume);
  if (known != helpers_.end()) return known->second;
  const Cli& cli = calls_.cli();
  // `create --volume` would make a volume that is not there: it must be there first
  const auto& r = calls_.call(record, cli.volume_inspect(volume, "{{.Name}}"));
  if (!r.ok()) {
    if (!calls_.is_fault(r) && lower(r.err).find(cli.dialect().missing_volume) != std::string::npos)
      throw StepRefused{"volume " + volume + " is not there: " + calls_.failure(r)};
    throw StepFault{"volume inspect failed: " + calls_.failure(r)};
  }
  RunSpec spec;
  spec.name = spec_.name_prefix + std::to_string(++made_);
  spec.image = spec_.image;
  spec.create_only = true;
  spec.labels = {spec_.label};
  // read-only, and no copy of the image's content into an empty volume: the helper
  // changes nothing in what it reads
  spec.mounts = {{Mount::Type::Volume, Mount::Flag::Volume, volume, kRoot, true, true}};
  spec.command = {"true"};
  ledger_.add_container(spec.name);
  made_names_.push_back(spec.name);  // removed by forget() even if `create` seemed to fail
  const auto& c = calls_.call(record, cli.run(spec));
  if (!c.ok()) throw StepFault{"could not create a container to read volume " + volume + ": " + calls_.failure(c)};
  return helpers_[volume] = Helper{spec.name, false};
}

Observed RuntimeObserver::copy_from_volume(StepRecord& record, const std::string& volume, const std::vector<std::string>& parts) {
  Helper& h = helper(record, volume);
  const Cli& cli = calls_.cli();
  const std::string what = "reading " + quote(joined(parts).substr(1)) + " in volume " + volume;
  // only the first part of the path: `cp` resolves the folders on the way inside the
  // helper, so that a symlink among them would lead into its image, not the volume
  const std::string top = kRoot + "/" + parts[0];
  const auto& r = calls_.call(record, cli.words({"cp", h.name + ":" + top, "-"}));
  if (r.ok()) {
    const auto entries = parse(record, what);
    h.root_read = true;
    return look_up(entries, parts, joined(parts).substr(1));
  }
  if (!not_found(r, top)) throw StepFault{what + " failed: " + calls_.failure(r)};
  // "not found" means absent once this helper has shown the volume's root as a folder
  if (!h.root_read) {
    const auto root = archive(record, cli.words({"cp", h.name + ":" + kRoot, "-"}), "reading the root of volume " + volume);
    if (root.empty() || root.front().name != kRoot.substr(1) || root.front().kind != TarEntry::Kind::Folder)
      throw StepFault{"the runtime's archive of volume " + volume + " does not start with its root folder"};
    if (entry(root, kRoot.substr(1) + "/" + parts[0]))
      throw StepFault{"the runtime says " + top + " is not there, and lists it in the volume's root"};
    h.root_read = true;
  }
  return {};
}

Observed RuntimeObserver::export_volume(StepRecord& record, const std::string& volume, const std::vector<std::string>& parts) {
  const Cli& cli = calls_.cli();
  const auto& r = calls_.call(record, cli.words({"volume", "export", volume}));
  if (!r.ok()) {
    if (!calls_.is_fault(r) && lower(r.err).find(cli.dialect().missing_volume) != std::string::npos)
      throw StepRefused{"volume " + volume + " is not there: " + calls_.failure(r)};
    throw StepFault{"volume export failed: " + calls_.failure(r)};
  }
  // the whole volume: what it does not list is not there
  return look_up(parse(record, "exporting volume " + volume), parts, joined(parts).substr(1));
}

Observed RuntimeObserver::in_layer(StepRecord& record, const std::string& layer, const std::string& path) {
  const std::string id = layer.substr(layer.rfind('@') + 1);
  const auto parts = parts_of(path);
  const std::string full = joined(parts);
  const Cli& cli = calls_.cli();
  note(record);
  // what the container changed, relative to its image: its writable layer
  const auto& d = calls_.call(record, cli.words({"container", "diff", id}));
  if (!d.ok()) {
    const std::string why = calls_.failure(d);
    if (calls_.is_fault(d)) throw StepFault{"container diff failed: " + why};
    const auto& i = calls_.call(record, cli.container_inspect(id, "{{.Id}}"));
    if (!i.ok() && !calls_.is_fault(i) && lower(i.err).find(cli.dialect().missing_container) != std::string::npos)
      return {};  // the layer went with its container
    throw StepFault{"container diff failed: " + why};
  }
  bool changed = false;
  std::istringstream lines(d.out);
  for (std::string line; std::getline(lines, line);)
    if (line.size() > 2 && line[1] == ' ' && line.compare(2, std::string::npos, full) == 0)
      changed = line[0] == 'A' || line[0] == 'C';
  if (!changed) return {};  // not in the layer (the image's files and mounted volumes are not)
  if (reads_ == RuntimeReads::Export)
    return look_up(archive(record, cli.words({"export", id}), "exporting container " + id), parts, full.substr(1));
  const auto entries = archive(record, cli.words({"cp", id + ":" + full, "-"}), "reading " + full + " in container " + id);
  return look_up(entries, {parts.back()}, parts.back());
}

void RuntimeObserver::forget() {
  host_.forget();
  helpers_.clear();
  if (made_names_.empty()) return;
  const Argv argv = calls_.cli().remove_containers(made_names_, true);  // --volumes: anonymous ones of the image
  CommandRecord cmd{argv, "", false, calls_.run(argv)};
  if (removed(cmd.result))
    for (const auto& name : made_names_) ledger_.drop_container(name);
  else
    stuck_ = "helper container(s) " + join(made_names_, ", ") + " could not be removed: " + calls_.failure(cmd.result);
  removals_.push_back(std::move(cmd));
  made_names_.clear();
}

// All gone: the command worked, or said only that some were not there.
bool RuntimeObserver::removed(const ProcessResult& r) const {
  if (r.ok()) return true;
  if (!r.ran() || calls_.is_fault(r)) return false;
  std::istringstream lines(r.err);
  bool said = false;
  for (std::string line; std::getline(lines, line);) {
    if (first_line(line).empty()) continue;
    if (!says_gone(calls_.cli().dialect(), line)) return false;
    said = true;
  }
  return said;
}

std::vector<CommandRecord> RuntimeObserver::take_removals() { return std::exchange(removals_, {}); }

}  // namespace harness
