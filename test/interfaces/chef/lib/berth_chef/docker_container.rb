# frozen_string_literal: true

module BerthChef
  module DockerCookbook
    CONTAINER_ACTIONS = %i[run create start stop kill run_if_missing pause unpause restart reload
                           redeploy delete remove commit export].freeze

    # The actions that create the container, where the cookbook validates its settings.
    CREATING_ACTIONS = %i[run create redeploy run_if_missing restart].freeze

    RESTART_POLICIES = %w[no always unless-stopped on-failure].freeze

    # `[ip:][host_port[-end]:]container_port[-end][/protocol]`, as the cookbook's port parser
    # reads it; it splits on every ':', so an IPv6 host address cannot be written.
    PORT_SPEC = %r{\A(?:(?:[^:/]*:)?(?:\d+(?:-\d+)?)?:)?\d+(?:-\d+)?(?:/(?:tcp|udp|sctp))?\z}

    def self.container
      resource_type(:docker_container, :container_name, CONTAINER_ACTIONS) do |type|
        container_identity(type)
        container_process(type)
        container_network(type)
        container_storage(type)
        container_limits(type)
        container_lifecycle(type)
        type.methods_block(&CONTAINER_METHODS)
        type.check { |resource| check_container(resource) }
      end
    end

    def self.container_identity(type)
      type.property(:container_name, String)
      type.property(:repo, String, default: -> { container_name })
      type.property(:tag, String, default: 'latest')
      type.property(:labels, String, Hash, STRINGS, default: {}, note: SPLIT_NOTE)
      type.property(:host, String, nil)
    end

    def self.container_process(type)
      type.property(:command, Array, String, nil, aliases: [:cmd])
      type.property(:entrypoint, Array, String, nil)
      type.property(:env, String, STRINGS, nil, default: [],
                    note: "Docker takes 'NAME=value' Strings; a Hash would reach it as pairs")
      type.property(:env_file, String, STRINGS, default: [])
      type.property(:working_dir, String, aliases: [:workdir])
      type.property(:user, String)
      type.property(:hostname, String, aliases: [:host_name])
      type.property(:domain_name, String, aliases: [:domainname], default: '')
      type.property(:tty, *BOOL, default: false)
      type.property(:open_stdin, *BOOL, default: false)
      type.property(:stdin_once, *BOOL, default: false)
      type.property(:attach_stdin, *BOOL, default: false)
      type.property(:attach_stdout, *BOOL, default: false)
      type.property(:attach_stderr, *BOOL, default: false)
      type.property(:detach, *BOOL, default: true)
      type.property(:timeout, Integer)
      type.property(:init, true, false, nil)
      type.property(:runtime, String, default: 'runc')
      type.property(:health_check, Hash)
      type.property(:log_driver, *LOG_DRIVERS, default: 'json-file')
      type.property(:log_opts, Hash, String, STRINGS, nil, note: SPLIT_NOTE)
    end

    def self.container_network(type)
      type.property(:network_mode, String, default: 'bridge')
      type.property(:network_aliases, String, Array, default: [])
      type.property(:network_disabled, *BOOL, default: false)
      type.property(:ip_address, String)
      type.property(:mac_address, String)
      type.property(:dns, STRINGS, default: [], note: 'the cookbook declares it Array only')
      type.property(:dns_search, STRINGS, aliases: [:dnssearch], default: [],
                                          note: 'the cookbook declares it Array only')
      type.property(:extra_hosts, String, STRINGS, nil, aliases: [:additional_host])
      type.property(:links, String, STRINGS, nil, note: SPLIT_NOTE)
      type.property(:exposed_ports, Hash, nil, default: {})
      type.property(:port_bindings, Hash, nil, default: {})
      type.property(:publish_all_ports, *BOOL, default: false)
    end

    def self.container_storage(type)
      type.property(:volumes, String, Hash, STRINGS, nil, aliases: %i[volume binds], default: {},
                                                         note: SPLIT_NOTE)
      type.property(:volumes_from, String, Array, aliases: [:volume_from])
      type.property(:volume_driver, String)
      type.property(:tmpfs, Hash, STRINGS, default: {})
      type.property(:devices, ArrayOf.new(Hash), default: [],
                              note: 'Docker takes one Hash per device')
      type.property(:ro_rootfs, *BOOL, default: false)
      type.property(:remove_volumes, *BOOL, default: false)
    end

    def self.container_limits(type)
      %i[memory memory_swap kernel_memory memory_reservation].each do |name|
        type.property(name, String, Integer)
      end
      type.property(:shm_size, String, Integer, default: '64m')
      type.property(:memory_swappiness, Integer, default: 0)
      type.property(:cpus, Integer, Float, default: 0)
      type.property(:cpu_shares, Integer, default: 0)
      type.property(:cpuset_cpus, String, default: '')
      type.property(:cgroup_parent, String, default: '')
      type.property(:cgroup_ns, String)
      type.property(:ulimits, String, ArrayOf.new(String, Hash), nil,
                    note: "entries are 'name=soft:hard' Strings or Hashes of Name, Soft, Hard")
      type.property(:sysctls, Hash, default: {})
      type.property(:privileged, *BOOL, default: false)
      type.property(:cap_add, String, STRINGS, nil)
      type.property(:cap_drop, String, STRINGS, nil)
      type.property(:security_opt, String, Array)
      type.property(:userns_mode, String, default: '')
      type.property(:pid_mode, String, default: '')
      type.property(:uts_mode, String, default: '')
      type.property(:ipc_mode, String, default: 'shareable')
      type.property(:oom_kill_disable, *BOOL, default: false)
      type.property(:oom_score_adj, Integer, default: -500)
      type.property(:gpus, String, nil)
      type.property(:gpu_driver, String, default: 'nvidia')
    end

    def self.container_lifecycle(type)
      type.property(:restart_policy, String)
      type.property(:restart_maximum_retry_count, Integer, aliases: [:restart_maximum_retries],
                                                           default: 0)
      type.property(:autoremove, *BOOL, aliases: %i[rm remove_automatically], default: false)
      type.property(:force, *BOOL, default: false)
      type.property(:kill_after, Integer, nil)
      type.property(:signal, String, default: 'SIGTERM')
      type.property(:reload_signal, String, default: 'SIGHUP')
      type.property(:outfile, String, aliases: [:destination])
    end

    # `image` and `port` are methods of the cookbook's container resource, not properties:
    # `image` sets repo and tag, `port` sets exposed_ports and port_bindings. The stand-in
    # records `image` as the repo and tag it sets, and `port` as written.
    CONTAINER_METHODS = proc do
      def image(reference = nil)
        return "#{repo}:#{tag}" if reference.nil?

        check_value(:image, [String], reference)
        repository, version = DockerCookbook.split_image(reference)
        repo(repository)
        tag(version) if version
        "#{repo}:#{tag}"
      end

      def port(value = nil)
        return @values[:port] if value.nil?

        DockerCookbook.check_ports(self, value)
        @values[:port] = value
      end
    end

    # The cookbook's reading of `image 'reference'`: the tag is taken from the last path
    # segment, so a registry port is not mistaken for one; `name@sha256:...` keeps the digest
    # as the tag.
    def self.split_image(reference)
      if reference.include?('/')
        directory, _, base = reference.rpartition('/')
        repository, version = base.split(':', 2)
        ["#{directory}/#{repository}", version]
      elsif reference.include?('sha256')
        reference.split('@', 2)
      else
        reference.split(':', 2)
      end
    end

    def self.check_ports(resource, value)
      entries = value.is_a?(Array) ? value : [value]
      entries.each do |entry|
        next if entry.is_a?(String) && PORT_SPEC.match?(entry) && port_ranges_fit?(entry)

        raise Chef::Exceptions::ValidationFailed,
              "#{resource}: port must be a String or an Array of Strings like '8080:80', " \
              "'127.0.0.1:8080:80/udp' or '7000-7001:8000-8001'; you passed " \
              "#{Types.describe_value(entry)} (the cookbook splits each entry as a String and " \
              'only logs bad ranges)'
      end
    end

    def self.port_ranges_fit?(entry)
      parts = entry.split('/').first.split(':')
      ranges = parts.last(2).reject(&:empty?).map { |part| part.split('-').map(&:to_i) }
      return false if ranges.any? { |range| range.size == 2 && range[0] > range[1] }

      spans = ranges.map { |range| range.size == 2 ? range[1] - range[0] : 0 }
      spans.size < 2 || spans[0].zero? || spans[0] == spans[1]
    end

    def self.check_container(resource)
      return unless resource.actions.intersect?(CREATING_ACTIONS)

      problem = container_problem(resource)
      raise Chef::Exceptions::ValidationFailed, "#{resource}: #{problem}" if problem
    end

    # The checks the cookbook makes before creating a container, with its own wording.
    def self.container_problem(resource)
      policy = resource.restart_policy
      if policy && !RESTART_POLICIES.include?(policy)
        'restart_policy must be either no, always, unless-stopped, or on-failure.'
      elsif resource.autoremove == true && policy && policy != 'no'
        'Conflicting options restart_policy and autoremove.'
      elsif resource.detach == true && attaches?(resource)
        'Conflicting options detach, attach_stderr, attach_stdin, attach_stdout, stdin_once.'
      elsif resource.network_mode == 'host' && present?(resource, :hostname, :mac_address)
        'Cannot specify hostname or mac_address when network_mode is host.'
      elsif resource.network_mode == 'container'
        # The cookbook's check for this mode ends in an error whatever else is set.
        "network_mode 'container' fails the cookbook's create check; write 'container:<name>'."
      end
    end

    def self.attaches?(resource)
      %i[attach_stderr attach_stdin attach_stdout stdin_once].any? do |key|
        resource.public_send(key) == true
      end
    end

    def self.present?(resource, *keys)
      keys.any? do |key|
        value = resource.public_send(key)
        !(value.nil? || value.empty?)
      end
    end
  end
end
