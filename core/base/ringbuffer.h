// RingBuffer: a bounded history that keeps the newest `capacity` items, oldest first.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace slipway::core {

// Storage grows as items arrive, up to the capacity and never past it: a container followed
// for a minute holds a minute, not a day's worth of empty slots.
template <class T> class RingBuffer {
public:
    explicit RingBuffer(std::size_t capacity = 0) : capacity_(capacity) {}

    std::size_t capacity() const { return capacity_; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

    void push(const T &item) {
        if (capacity_ == 0)
            return;
        if (data_.size() < capacity_) {
            if (data_.size() == data_.capacity())
                data_.reserve(std::min(capacity_, std::max<std::size_t>(16, data_.size() * 2)));
            data_.push_back(item);
            size_ = data_.size();
            return;
        }
        data_[head_] = item; // full: overwrite the oldest
        head_ = (head_ + 1) % capacity_;
    }

    // i = 0 is the oldest.
    const T &at(std::size_t i) const { return data_[(head_ + i) % data_.size()]; }
    const T &back() const { return at(size_ - 1); }

    // Keeps the newest items that fit.
    void setCapacity(std::size_t capacity) {
        if (capacity == capacity_)
            return;
        std::vector<T> items;
        const std::size_t keep = std::min(size_, capacity);
        items.reserve(keep);
        for (std::size_t i = size_ - keep; i < size_; ++i)
            items.push_back(at(i));
        data_ = std::move(items);
        capacity_ = capacity;
        head_ = 0;
        size_ = data_.size();
    }

    void clear() {
        data_.clear();
        data_.shrink_to_fit();
        head_ = size_ = 0;
    }

    template <class F> void forEach(F &&f) const {
        for (std::size_t i = 0; i < size_; ++i)
            f(at(i));
    }

private:
    std::vector<T> data_;
    std::size_t capacity_ = 0;
    std::size_t head_ = 0; // the oldest item once full
    std::size_t size_ = 0;
};

} // namespace slipway::core
